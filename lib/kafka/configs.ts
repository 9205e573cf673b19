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
  "batch.size": {
    name: "batch.size",
    scope: "producer",
    default: "16384",
    history: [],
    source: "ProducerConfig.java define(BATCH_SIZE_CONFIG)",
    sourceUrl: `${DOCS}#producerconfigs_batch.size`,
  },
  "transactional.id": {
    name: "transactional.id",
    scope: "producer",
    default: "null",
    history: [],
    source: "ProducerConfig.java define(TRANSACTIONAL_ID_CONFIG); KIP-98",
    sourceUrl: `${DOCS}#producerconfigs_transactional.id`,
  },
  "transaction.timeout.ms": {
    name: "transaction.timeout.ms",
    scope: "producer",
    default: "60000",
    history: [],
    source: "ProducerConfig.java define(TRANSACTION_TIMEOUT_CONFIG)",
    sourceUrl: `${DOCS}#producerconfigs_transaction.timeout.ms`,
  },
  "broker.session.timeout.ms": {
    name: "broker.session.timeout.ms",
    scope: "broker",
    default: "9000",
    history: [],
    source: "KRaftConfigs.java BROKER_SESSION_TIMEOUT_MS (KRaft controller)",
    sourceUrl: `${DOCS}#brokerconfigs_broker.session.timeout.ms`,
  },
  "log.flush.interval.messages": {
    name: "log.flush.interval.messages",
    scope: "broker",
    default: "9223372036854775807",
    history: [],
    source: "ServerLogConfigs.java (Long.MAX_VALUE: no fsync by message count)",
    sourceUrl: `${DOCS}#brokerconfigs_log.flush.interval.messages`,
  },
  "log.flush.interval.ms": {
    name: "log.flush.interval.ms",
    scope: "broker",
    default: "null",
    history: [],
    source: "ServerLogConfigs.java (unset: falls back to log.flush.scheduler.interval.ms, Long.MAX_VALUE)",
    sourceUrl: `${DOCS}#brokerconfigs_log.flush.interval.ms`,
  },
  "flush.messages": {
    name: "flush.messages",
    scope: "topic",
    default: "9223372036854775807",
    history: [],
    source: "TopicConfig.java FLUSH_MESSAGES_INTERVAL_DOC",
    sourceUrl: `${DOCS}#topicconfigs_flush.messages`,
  },
  "flush.ms": {
    name: "flush.ms",
    scope: "topic",
    default: "9223372036854775807",
    history: [],
    source: "TopicConfig.java FLUSH_MS_DOC",
    sourceUrl: `${DOCS}#topicconfigs_flush.ms`,
  },
  "enable.auto.commit": {
    name: "enable.auto.commit",
    scope: "consumer",
    default: "true",
    history: [],
    source: "ConsumerConfig.java define(ENABLE_AUTO_COMMIT_CONFIG)",
    sourceUrl: `${DOCS}#consumerconfigs_enable.auto.commit`,
  },
  "auto.commit.interval.ms": {
    name: "auto.commit.interval.ms",
    scope: "consumer",
    default: "5000",
    history: [],
    source: "ConsumerConfig.java define(AUTO_COMMIT_INTERVAL_MS_CONFIG)",
    sourceUrl: `${DOCS}#consumerconfigs_auto.commit.interval.ms`,
  },
  "auto.offset.reset": {
    name: "auto.offset.reset",
    scope: "consumer",
    default: "latest",
    history: [],
    source: "ConsumerConfig.java define(AUTO_OFFSET_RESET_CONFIG)",
    sourceUrl: `${DOCS}#consumerconfigs_auto.offset.reset`,
  },
  "heartbeat.interval.ms": {
    name: "heartbeat.interval.ms",
    scope: "consumer",
    default: "3000",
    history: [],
    source: "ConsumerConfig.java define(HEARTBEAT_INTERVAL_MS_CONFIG)",
    sourceUrl: `${DOCS}#consumerconfigs_heartbeat.interval.ms`,
  },
  "max.poll.interval.ms": {
    name: "max.poll.interval.ms",
    scope: "consumer",
    default: "300000",
    history: [],
    source: "ConsumerConfig.java define(MAX_POLL_INTERVAL_MS_CONFIG)",
    sourceUrl: `${DOCS}#consumerconfigs_max.poll.interval.ms`,
  },
  "max.poll.records": {
    name: "max.poll.records",
    scope: "consumer",
    default: "500",
    history: [],
    source: "ConsumerConfig.java define(MAX_POLL_RECORDS_CONFIG)",
    sourceUrl: `${DOCS}#consumerconfigs_max.poll.records`,
  },
  "isolation.level": {
    name: "isolation.level",
    scope: "consumer",
    default: "read_uncommitted",
    history: [],
    source: "ConsumerConfig.java DEFAULT_ISOLATION_LEVEL, ISOLATION_LEVEL_DOC",
    sourceUrl: `${DOCS}#consumerconfigs_isolation.level`,
  },
  "group.instance.id": {
    name: "group.instance.id",
    scope: "consumer",
    default: "null",
    history: [{ version: "2.3", before: "(did not exist)", source: "KIP-345" }],
    source: "ConsumerConfig.java GROUP_INSTANCE_ID_CONFIG; upgrade notes 2.3",
    sourceUrl: `${DOCS}#consumerconfigs_group.instance.id`,
  },
  "group.protocol": {
    name: "group.protocol",
    scope: "consumer",
    default: "classic",
    history: [{ version: "4.0", before: "(did not exist; consumer protocol GA in 4.0)", source: "KIP-848" }],
    source: "ConsumerConfig.java DEFAULT_GROUP_PROTOCOL; kafka.apache.org/40/operations/consumer-rebalance-protocol",
    sourceUrl: `${DOCS}#consumerconfigs_group.protocol`,
  },
  "partition.assignment.strategy": {
    name: "partition.assignment.strategy",
    scope: "consumer",
    default: "[RangeAssignor, CooperativeStickyAssignor]",
    history: [{ version: "3.0", before: "[RangeAssignor]", source: "upgrade notes 3.0" }],
    source: "ConsumerConfig.java define(PARTITION_ASSIGNMENT_STRATEGY_CONFIG); upgrade notes 3.0",
    sourceUrl: `${DOCS}#consumerconfigs_partition.assignment.strategy`,
  },
};

export function getKafkaConfig(name: string): KafkaConfig | undefined {
  return KAFKA_CONFIGS[name];
}
