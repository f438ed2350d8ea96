import {
  DndContext,
  PointerSensor,
  pointerWithin,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type DragEndEvent,
} from "@dnd-kit/core";
import type { ReactNode } from "react";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { useSubmit } from "react-router";
import { formatTime } from "~/infra/i18n/i18n";
import { utcToZonedLocal } from "~/infra/time";

// The editor's grid of rooms × time. Dragging a waiting talk or a placed slot onto a cell posts
// the same "place" or "move" form that the keyboard forms below the grid post, so the server
// checks and records both ways alike.

type GridRoom = { id: string; name: string };
export type GridSlot = {
  id: string;
  version: number;
  roomId: string | null;
  startsAt: Date;
  endsAt: Date;
  title: string;
  detail: string;
  kind: "TALK" | "BREAK" | "BLOCKER";
  warning: boolean;
};
export type WaitingTalk = { id: string; title: string; detail: string };

const MINUTE = 60_000;
const ROW_PX = 18;

function Cell({ id, row, column, label }: { id: string; row: number; column: number; label: string }) {
  const { setNodeRef, isOver } = useDroppable({ id });
  return (
    <div
      ref={setNodeRef}
      data-cell={label}
      style={{ gridRow: row, gridColumn: column }}
      className={`border-t border-stone-100 ${isOver ? "bg-brand-100" : ""}`}
    />
  );
}

function Draggable({
  id,
  children,
  className,
  style,
}: {
  id: string;
  children: ReactNode;
  className: string;
  style?: React.CSSProperties;
}) {
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id });
  const moved = transform ? { transform: `translate3d(${transform.x}px, ${transform.y}px, 0)`, zIndex: 20 } : {};
  return (
    <div
      ref={setNodeRef}
      {...listeners}
      {...attributes}
      style={{ ...style, ...moved }}
      className={`${className} ${isDragging ? "opacity-80 shadow-lg" : ""} cursor-grab touch-none`}
    >
      {children}
    </div>
  );
}

export function ScheduleGrid(props: {
  rooms: GridRoom[];
  slots: GridSlot[];
  waiting: WaitingTalk[];
  from: Date;
  to: Date;
  step: number;
  timeZone: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const submit = useSubmit();
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));
  const { rooms, slots, waiting, from, to, step, timeZone } = props;
  const rowCount = Math.round((to.getTime() - from.getTime()) / (step * MINUTE));
  const rowOf = (date: Date) => Math.round((date.getTime() - from.getTime()) / (step * MINUTE)) + 2;
  const cellStart = (row: number) => new Date(from.getTime() + row * step * MINUTE);
  const slotById = new Map(slots.map((s) => [s.id, s]));

  function onDragEnd({ active, over }: DragEndEvent) {
    if (!over) return;
    const [, roomId, startMs] = String(over.id).split("|");
    const start = utcToZonedLocal(new Date(Number(startMs)), timeZone);
    const [kind, id] = String(active.id).split("|");
    if (kind === "waiting") {
      void submit(
        { intent: "place", submissionId: id!, roomId: roomId!, start },
        { method: "post", preventScrollReset: true },
      );
    } else {
      const slot = slotById.get(id!)!;
      // A break for all rooms keeps spanning them when moved in time.
      void submit(
        {
          intent: "move",
          slotId: id!,
          version: String(slot.version),
          roomId: slot.roomId === null ? "" : roomId!,
          start,
        },
        { method: "post", preventScrollReset: true },
      );
    }
  }

  return (
    <DndContext id="schedule-grid" sensors={sensors} collisionDetection={pointerWithin} onDragEnd={onDragEnd}>
      <div className="grid gap-4 lg:grid-cols-[16rem_1fr]">
        <section aria-labelledby="waiting-title" className="card p-3">
          <h2 id="waiting-title" className="font-bold">
            {t("schedule.waiting", { count: waiting.length })}
          </h2>
          <p className="mt-1 text-xs text-gray-600">{t("schedule.dragHint")}</p>
          <ul className="mt-2 space-y-2">
            {waiting.map((talk) => (
              <li key={talk.id}>
                <Draggable
                  id={`waiting|${talk.id}`}
                  className="rounded-md border border-brand-200 bg-brand-50 px-2 py-1 text-sm"
                >
                  <span className="font-semibold">{talk.title}</span>
                  <span className="block text-xs text-gray-700">{talk.detail}</span>
                </Draggable>
              </li>
            ))}
          </ul>
        </section>
        <div className="overflow-x-auto card">
          <div
            role="region"
            aria-label={t("schedule.grid")}
            className="relative grid min-w-[32rem]"
            style={{
              gridTemplateColumns: `4rem repeat(${rooms.length}, minmax(10rem, 1fr))`,
              gridTemplateRows: `2.5rem repeat(${rowCount}, ${ROW_PX * (step / 5)}px)`,
            }}
          >
            <div style={{ gridRow: 1, gridColumn: 1 }} />
            {rooms.map((room, i) => (
              <div
                key={room.id}
                style={{ gridRow: 1, gridColumn: i + 2 }}
                className="border-b border-l border-stone-200 px-2 py-2 text-sm font-bold"
              >
                {room.name}
              </div>
            ))}
            {Array.from({ length: rowCount }, (_, r) => {
              const start = cellStart(r);
              const onTheHour = start.getTime() % (60 * MINUTE) === 0 || r % Math.max(1, Math.round(30 / step)) === 0;
              return (
                <div
                  key={r}
                  style={{ gridRow: r + 2, gridColumn: 1 }}
                  className="border-t border-stone-100 pr-1 text-right text-[11px] leading-none text-gray-600"
                >
                  {onTheHour ? formatTime(start, timeZone, locale) : ""}
                </div>
              );
            })}
            {rooms.flatMap((room, i) =>
              Array.from({ length: rowCount }, (_, r) => {
                const start = cellStart(r);
                return (
                  <Cell
                    key={`${room.id}-${r}`}
                    id={`cell|${room.id}|${start.getTime()}`}
                    row={r + 2}
                    column={i + 2}
                    label={`${room.name} ${formatTime(start, timeZone, locale)}`}
                  />
                );
              }),
            )}
            {slots.map((slot) => {
              const column =
                slot.roomId === null
                  ? `2 / ${rooms.length + 2}`
                  : String(rooms.findIndex((r) => r.id === slot.roomId) + 2);
              const tone = slot.kind === "TALK" ? "border-sky-300 bg-sky-50" : "border-stone-300 bg-stone-100";
              return (
                <Draggable
                  key={slot.id}
                  id={`slot|${slot.id}`}
                  style={{
                    gridRow: `${rowOf(slot.startsAt)} / ${Math.max(rowOf(slot.endsAt), rowOf(slot.startsAt) + 1)}`,
                    gridColumn: column,
                  }}
                  className={`relative z-10 m-0.5 overflow-hidden rounded border px-1.5 py-0.5 text-xs ${slot.warning ? "border-amber-500 bg-amber-50 ring-2 ring-amber-400" : tone}`}
                >
                  <span className="font-semibold">
                    {slot.warning ? <span aria-label={t("schedule.hasConflict")}>⚠ </span> : null}
                    {formatTime(slot.startsAt, timeZone, locale)} {slot.title}
                  </span>
                  <span className="block text-gray-700">{slot.detail}</span>
                </Draggable>
              );
            })}
          </div>
        </div>
      </div>
    </DndContext>
  );
}
