/**
 * The one typed table of Kafka settings the lessons talk about: current default, where it
 * applies, when the default changed, and the source (see shared kafka-facts.md). The simulation
 * engine has its own defaults; configs.test.ts checks the two agree.
 */
export interface KafkaConfig {
  name: string;
  scope: "producer" | "broker" | "topic" | "consumer";
  /** Current default, as Kafka documents it. */
  default: string;
  /** Earlier defaults, newest first: the value before `version` changed it. */
  history: { version: string; before: string; source: string }[];
  source: string;
  sourceUrl: string;
}

const DOCS = "https://kafka.apache.org/documentation/";

export const KAFKA_CONFIGS: Record<string, KafkaConfig> = {
  acks: {
    name: "acks",
    scope: "producer",
    default: "all",
    history: [{ version: "3.0", before: "1", source: "KIP-679" }],
    source: "ProducerConfig.java ACKS_DOC; upgrade notes 3.0",
    sourceUrl: `${DOCS}#producerconfigs_acks`,
  },
  "enable.idempotence": {
    name: "enable.idempotence",
    scope: "producer",
    default: "true",
    history: [{ version: "3.0", before: "false", source: "KIP-679 (effective from 3.0.1/3.1.1/3.2.0, KAFKA-13598)" }],
    source: "ProducerConfig.java ENABLE_IDEMPOTENCE_DOC",
    sourceUrl: `${DOCS}#producerconfigs_enable.idempotence`,
  },
  retries: {
    name: "retries",
    scope: "producer",
    default: "2147483647",
    history: [{ version: "2.1", before: "0", source: "KIP-91" }],
    source: "ProducerConfig.java RETRIES_DOC",
    sourceUrl: `${DOCS}#producerconfigs_retries`,
  },
  "delivery.timeout.ms": {
    name: "delivery.timeout.ms",
    scope: "producer",
    default: "120000",
    history: [{ version: "2.1", before: "(did not exist)", source: "KIP-91" }],
    source: "ProducerConfig.java DELIVERY_TIMEOUT_MS_DOC",
    sourceUrl: `${DOCS}#producerconfigs_delivery.timeout.ms`,
  },
  "request.timeout.ms": {
    name: "request.timeout.ms",
    scope: "producer",
    default: "30000",
    history: [],
    source: "ProducerConfig.java REQUEST_TIMEOUT_MS_DOC",
    sourceUrl: `${DOCS}#producerconfigs_request.timeout.ms`,
  },
  "max.in.flight.requests.per.connection": {
    name: "max.in.flight.requests.per.connection",
    scope: "producer",
    default: "5",
    history: [],
    source: "ProducerConfig.java; > 5 with idempotence is a ConfigException since 4.0",
    sourceUrl: `${DOCS}#producerconfigs_max.in.flight.requests.per.connection`,
  },
  "linger.ms": {
    name: "linger.ms",
    scope: "producer",
    default: "5",
    history: [{ version: "4.0", before: "0", source: "KIP-1030" }],
    source: "ProducerConfig.java LINGER_MS_DOC",
    sourceUrl: `${DOCS}#producerconfigs_linger.ms`,
  },
  "min.insync.replicas": {
    name: "min.insync.replicas",
    scope: "topic",
    default: "1",
    history: [],
    source: "ServerLogConfigs.java MIN_IN_SYNC_REPLICAS_DOC",
    sourceUrl: `${DOCS}#topicconfigs_min.insync.replicas`,
  },
  "replica.lag.time.max.ms": {
    name: "replica.lag.time.max.ms",
    scope: "broker",
    default: "30000",
    history: [{ version: "2.5", before: "10000", source: "KIP-537" }],
    source: "ReplicationConfigs.java; upgrade notes 2.5",
    sourceUrl: `${DOCS}#brokerconfigs_replica.lag.time.max.ms`,
  },
  "unclean.leader.election.enable": {
    name: "unclean.leader.election.enable",
    scope: "topic",
    default: "false",
    history: [{ version: "0.11.0", before: "true", source: "upgrade notes 0.11.0" }],
    source: "LogConfig.java; upgrade notes 0.11.0",
    sourceUrl: `${DOCS}#topicconfigs_unclean.leader.election.enable`,
  },
  "replication.factor": {
    name: "default.replication.factor",
    scope: "broker",
    default: "1",
    history: [],
    source: "ReplicationConfigs.java (internal topics use 3)",
    sourceUrl: `${DOCS}#brokerconfigs_default.replication.factor`,
  },
  "session.timeout.ms": {
    name: "session.timeout.ms",
    scope: "consumer",
    default: "45000",
    history: [{ version: "3.0", before: "10000", source: "KIP-735" }],
    source: "ConsumerConfig.java; upgrade notes 3.0",
    sourceUrl: `${DOCS}#consumerconfigs_session.timeout.ms`,
  },
};

export function getKafkaConfig(name: string): KafkaConfig | undefined {
  return KAFKA_CONFIGS[name];
}
