/**
 * lib/sim — the deterministic Kafka durability simulator. Pure TypeScript: runs unchanged in the
 * browser and on the server. See docs/sim.md for the model, its simplifications and sources.
 */
export { createRun, runScenario, type SimRun } from "./engine";
export {
  parseScenario,
  scenarioInputSchema,
  COMMIT_STRATEGIES,
  FAULT_TYPES,
  BROKER_TARGETS,
  type Scenario,
  type ScenarioInput,
  type Fault,
  type FaultType,
  type CommitStrategy,
  type BrokerRef,
  type ParseResult,
} from "./scenario";
export type { Audit, SimEvent, EventType, KafkaError, Snapshot, BrokerView, BatchView, ProducerView, ConsumerView, InFlightView, SimOutput } from "./types";
export { ROUTINE_EVENTS } from "./types";
export { encodeLink, decodeLink, type LinkState } from "./link";
export { messageStory, messageFates, type MessageFate } from "./story";
export { failedChecks, outputValue, passes } from "./checks";
