import { notFound } from "~/auth/roles.server";

// Every unknown URL: a 404 page from the root error boundary.
export function loader() {
  notFound();
}

export function action() {
  notFound();
}

export default function NotFound() {
  return null;
}
