import type { ReactNode } from "react";

// A table on the card surface, scrolling sideways on narrow screens: its column headers, then
// the rows, each a DataRow of Cells (a Cell with `header` heads its row), and, under them, what
// the table says when it has none (`empty`).
export function DataTable({
  columns,
  caption,
  className = "mt-3",
  empty,
  children,
}: {
  columns: ReactNode[];
  caption?: string;
  className?: string;
  empty?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className={`${className} overflow-x-auto card`}>
      <table className="w-full text-left text-sm">
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead className="bg-stone-50 text-xs uppercase text-gray-600">
          <tr>
            {columns.map((column, index) => (
              <th key={index} scope="col" className="px-3 py-2">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
      {empty ? <p className="px-3 py-4 text-sm text-gray-700">{empty}</p> : null}
    </div>
  );
}

export function DataRow({ children }: { children: ReactNode }) {
  return <tr className="border-t border-stone-100">{children}</tr>;
}

export function Cell({
  header = false,
  className = "",
  children,
}: {
  header?: boolean;
  className?: string;
  children?: ReactNode;
}) {
  return header ? (
    <th scope="row" className={`px-3 py-2 ${className}`}>
      {children}
    </th>
  ) : (
    <td className={`px-3 py-2 ${className}`}>{children}</td>
  );
}
