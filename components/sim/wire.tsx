import type { Dictionary } from "@/lib/i18n";
import type { WireKind, WireView } from "@/lib/sim/types";

const PRODUCER = 1000;
const CONSUMER = 1001;
const COORDINATOR = 1002;
const GAP = 100;
const LINE_Y = 56;

type Family = "produce" | "fetch" | "consumer" | "commit";
const FAMILY: Record<WireKind, Family> = {
  produce: "produce",
  "produce-response": "produce",
  fetch: "fetch",
  "fetch-response": "fetch",
  "consumer-fetch": "consumer",
  "consumer-fetch-response": "consumer",
  commit: "commit",
  "commit-response": "commit",
};
const isResponse = (k: WireKind) => k.endsWith("-response");

/** A shape per kind of traffic (not colour alone): square, triangle, diamond, circle; hollow = response. */
function Shape({ family, x, y, hollow }: { family: Family; x: number; y: number; hollow: boolean }) {
  const cls = `wire-dot wire-${family}${hollow ? " hollow" : ""}`;
  const r = 7;
  if (family === "produce") return <rect className={cls} x={x - r} y={y - r} width={2 * r} height={2 * r} />;
  if (family === "fetch") return <polygon className={cls} points={`${x},${y - r - 1} ${x + r + 1},${y + r} ${x - r - 1},${y + r}`} />;
  if (family === "consumer") return <polygon className={cls} points={`${x},${y - r - 2} ${x + r + 2},${y} ${x},${y + r + 2} ${x - r - 2},${y}`} />;
  return <circle className={cls} cx={x} cy={y} r={r} />;
}

/**
 * The network between the producer, the brokers, the consumer and the group coordinator: every
 * message in flight at this moment moves along its arc (requests above the line, responses
 * below), and recent ones leave a fading trail. Positions come from the engine's send and arrival
 * times, so stepping shows exactly what is on the wire.
 */
export function Wire({ network, atMs, brokers, trailMs, labels }: { network: WireView[]; atMs: number; brokers: number; trailMs: number; labels: Dictionary["sim"] }) {
  const nodes = [PRODUCER, ...Array.from({ length: brokers }, (_, i) => i), CONSUMER, COORDINATOR];
  const x = (node: number) => 50 + nodes.indexOf(node) * GAP;
  const width = nodes.length * GAP;
  const name = (node: number) => (node === PRODUCER ? labels.wireProducer : node === CONSUMER ? labels.wireConsumer : node === COORDINATOR ? labels.wireCoordinator : labels.wireBroker.replace("{id}", String(node)));
  const counts: Record<Family, number> = { produce: 0, fetch: 0, consumer: 0, commit: 0 };
  const inFlight = network.filter((m) => m.arriveMs > atMs);
  for (const m of inFlight) counts[FAMILY[m.kind]]++;
  return (
    <figure className="sim-wire">
      <svg viewBox={`0 0 ${width} 112`} aria-hidden="true" className="sim-wire-svg">
        <line x1={x(PRODUCER)} x2={x(COORDINATOR)} y1={LINE_Y} y2={LINE_Y} className="wire-line" />
        {network.map((m) => {
          const x1 = x(m.from);
          const x2 = x(m.to);
          const cy = isResponse(m.kind) ? LINE_Y + 46 : LINE_Y - 46;
          const path = `M ${x1} ${LINE_Y} Q ${(x1 + x2) / 2} ${cy} ${x2} ${LINE_Y}`;
          if (m.arriveMs <= atMs) {
            const age = trailMs > 0 ? (atMs - m.arriveMs) / trailMs : 1;
            return <path key={m.id} d={path} className={`wire-trail wire-${FAMILY[m.kind]}`} style={{ opacity: Math.max(0, 0.45 * (1 - age)) }} />;
          }
          const t = Math.min(1, Math.max(0, (atMs - m.sentMs) / Math.max(1, m.arriveMs - m.sentMs)));
          const px = (1 - t) * (1 - t) * x1 + 2 * (1 - t) * t * ((x1 + x2) / 2) + t * t * x2;
          const py = (1 - t) * (1 - t) * LINE_Y + 2 * (1 - t) * t * cy + t * t * LINE_Y;
          return (
            <g key={m.id}>
              <path d={path} className={`wire-path wire-${FAMILY[m.kind]}`} />
              <Shape family={FAMILY[m.kind]} x={px} y={py} hollow={isResponse(m.kind)} />
            </g>
          );
        })}
        {nodes.map((n) => (
          <g key={n}>
            <circle cx={x(n)} cy={LINE_Y} r={13} className={`wire-node${n < PRODUCER ? " broker" : ""}`} />
            <text x={x(n)} y={LINE_Y + 5} textAnchor="middle" className="wire-label">
              {n === PRODUCER ? "P" : n === CONSUMER ? "C" : n === COORDINATOR ? "G" : n}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className="meta">
        <span className="visually-hidden">
          {labels.wireNow
            .replace("{produce}", String(counts.produce))
            .replace("{fetch}", String(counts.fetch))
            .replace("{consumer}", String(counts.consumer))
            .replace("{commit}", String(counts.commit))}{" "}
        </span>
        <span aria-hidden="true" className="wire-legend">
          <LegendItem family="produce" text={labels.wireLegendProduce} /> <LegendItem family="fetch" text={labels.wireLegendFetch} /> <LegendItem family="consumer" text={labels.wireLegendConsumer} /> <LegendItem family="commit" text={labels.wireLegendCommit} /> <span>{labels.wireLegendHollow}</span> <span>{nodes.map((n) => `${n === PRODUCER ? "P" : n === CONSUMER ? "C" : n === COORDINATOR ? "G" : n} = ${name(n)}`).join(" · ")}</span>
        </span>
      </figcaption>
    </figure>
  );
}

function LegendItem({ family, text }: { family: Family; text: string }) {
  return (
    <span className="wire-legend-item">
      <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">
        <Shape family={family} x={10} y={10} hollow={false} />
      </svg>
      {text}
    </span>
  );
}
