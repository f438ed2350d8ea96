import { isIPv4, isIPv6 } from "node:net";

// The eight 16-bit groups of a valid IPv6 address (zone index dropped, a dotted IPv4 tail folded in).
function groupsOf(ipv6: string): number[] {
  let text = ipv6.split("%")[0]!;
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const middle = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill("0");
  return [...left, ...middle, ...right].map((group) => parseInt(group, 16));
}

// What every per-address limit counts by. An IPv4 address as it is (also when it arrives as
// ::ffff:a.b.c.d from a dual-stack socket); an IPv6 address by its /64, the block one subscriber
// or one machine holds whole, so that walking through its 2^64 addresses gains nothing.
export function clientKey(ip: string | undefined): string {
  if (!ip) return "unknown";
  if (isIPv4(ip)) return ip;
  if (!isIPv6(ip.split("%")[0]!)) return ip;
  const groups = groupsOf(ip);
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join(".");
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(":")}::/64`;
}
