import type { ReactNode } from "react";

// What a list or a page says when it has nothing to show yet: under a section's heading, or, for
// a whole page, under its title.
export function EmptyState({ page = false, children }: { page?: boolean; children: ReactNode }) {
  return <p className={page ? "mt-4 text-gray-700" : "mt-2 text-sm text-gray-700"}>{children}</p>;
}
