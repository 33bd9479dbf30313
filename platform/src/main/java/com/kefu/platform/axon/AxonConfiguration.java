package com.kefu.platform.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import com.kefu.platform.cluster.Instances;
import com.kefu.platform.cluster.SegmentBalancer;
import com.kefu.platform.idempotency.IdempotentCreates;
import com.kefu.platform.privacy.ClearContacts;
import com.kefu.platform.privacy.PersonalDataKeys;
import com.kefu.platform.privacy.PersonalDataReads;
import com.kefu.platform.privacy.PersonalDataSerializer;
import com.kefu.platform.relay.Actors;
import com.kefu.platform.relay.CurrentTrace;
import com.kefu.platform.store.StoreUnavailable;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Axon on PostgreSQL without Axon Server (STACK.md): JDBC storage in tables that Flyway owns
 * ({@code db/platform}), Jackson for every serializer, tracking processors that work in batches,
 * event handlers whose errors stop and retry instead of being logged and skipped, and snapshots for the
 * aggregates that grow without bound ({@link Snapshots}).
 */
@AutoConfiguration(before = {JdbcAutoConfiguration.class, AxonAutoConfiguration.class},
        after = JacksonAutoConfiguration.class)
@ConditionalOnClass(EventSchema.class)
@EnableConfigurationProperties({ProcessorProperties.class, SnapshotProperties.class})
public class AxonConfiguration {

    /**
     * The mapper Axon's Jackson serializers pick by this name: records, java.time as ISO text (instants read by
     * {@link IsoInstants}), lenient about unknown fields (old events stay readable). Registered after Boot's own
     * (strict, primary) web mapper, which it would otherwise replace.
     */
    @Bean
    ObjectMapper defaultAxonObjectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new SimpleModule("kefu-instants").addDeserializer(Instant.class,
                        new IsoInstantDeserializer()))
                .addModule(new ParameterNamesModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /** Commands to an aggregate that does not exist answer 404 (separate: the gateway has no Axon). */
    @Bean
    AxonProblems axonProblems() {
        return new AxonProblems();
    }

    /** While the database is down a request answers 503 with {@code Retry-After}, not 500. */
    @Bean
    StoreUnavailable storeUnavailable() {
        return new StoreUnavailable();
    }

    /** The keys of personal data (S3), apart from the events. */
    @Bean
    PersonalDataKeys personalDataKeys(JdbcTemplate jdbc,
                                      @Value("${kefu.privacy.key-cache:60s}") Duration keyCache) {
        return new PersonalDataKeys(jdbc, Clock.systemUTC(), keyCache);
    }

    /** The record of reads of personal data in clear (S2), timed by the service's clock like its events. */
    @Bean
    PersonalDataReads personalDataReads(JdbcTemplate jdbc, ObjectProvider<Clock> clock) {
        return new PersonalDataReads(jdbc, clock.getIfAvailable(Clock::systemUTC));
    }

    /** Contacts in clear folded from a record's history, every read recorded (S1, S2). */
    @Bean
    ClearContacts clearContacts(EventHistory history, PersonalDataReads reads) {
        return new ClearContacts(history, reads);
    }

    /** Creates at most once per Idempotency-Key (API-IDEM), in the command's transaction. */
    @Bean
    IdempotentCreates idempotentCreates(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                                        @Qualifier("defaultAxonObjectMapper") ObjectMapper json) {
        return new IdempotentCreates(jdbc, transactions, json);
    }

    /** Jackson for events, with every {@code @PersonalData} text encrypted by its subject's key (S3). */
    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(@Qualifier("defaultAxonObjectMapper") ObjectMapper json, PersonalDataKeys keys) {
        return new PersonalDataSerializer(new TypeCachingSerializer(JacksonSerializer.builder().objectMapper(json)), json, keys);
    }

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    /**
     * Axon's JDBC storage as its auto-configuration builds it, but for the snapshots: aggregates are written as
     * they are, field by field ({@link Snapshots#serializer}), not through the general serializer of tokens.
     */
    @Bean
    EventStorageEngine eventStorageEngine(@Qualifier("eventSerializer") Serializer eventSerializer,
                                          @Qualifier("defaultAxonObjectMapper") ObjectMapper json,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager, EventSchema eventSchema) {
        return EventStoreRows.engine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(Snapshots.serializer(json))
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema));
    }

    /**
     * The event store as Axon's auto-configuration builds it, but waking its processors when a local write commits
     * ({@link CommittedEventStore}: Axon woke them before the commit where the command joined a longer transaction, an
     * intake or a desk, so they found nothing and waited for the next look) and looking for other writes every
     * {@code kefu.processors.fetch-delay} (250 ms) while idle. Events written by other instances are seen only by
     * looking, so the delay is their latency; each look is a query and a transaction, for every service, idle or not.
     */
    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration,
                                  ProcessorProperties processors, ObjectProvider<WrittenVersions> writtenVersions) {
        EmbeddedEventStore store = CommittedEventStore.of(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(processors.fetchDelay().toMillis())
                .timeUnit(TimeUnit.MILLISECONDS));
        writtenVersions.ifAvailable(store::registerDispatchInterceptor);
        return store;
    }

    /** The version of the record a write changed, in the write's answer (R1). */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    WrittenVersions writtenVersions() {
        return new WrittenVersions();
    }

    /**
     * Tells the event store that an insert lost a race on an aggregate's sequence number (R5: two instances wrote it at
     * once), so that it raises a {@code ConcurrencyException} that {@link Commands} retries. By PostgreSQL's SQL state
     * for a unique violation: the resolver Axon's JDBC configuration makes looks at vendor error codes, which PostgreSQL
     * does not set, and the race ended as a 500.
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver(UNIQUE_VIOLATION);
    }

    private static final String UNIQUE_VIOLATION = "23505";

    /** What {@code @Aggregate(snapshotTriggerDefinition = Snapshots.TRIGGER)} names: a snapshot every n events. */
    @Bean(Snapshots.TRIGGER)
    SnapshotTriggerDefinition snapshotTrigger(Snapshotter snapshotter, SnapshotProperties snapshots) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, snapshots.threshold());
    }

    /** The processors' counts and lag, instead of Axon's per-message timers ({@link EventProcessorMetrics}). */
    @Bean
    EventProcessorMetrics eventProcessorMetrics(ObjectProvider<MeterRegistry> registry) {
        return new EventProcessorMetrics(registry.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("time_stamp")
                .setOwnerColumn("owner")
                .build();
    }

    /**
     * Axon's JDBC token store as its auto-configuration builds it, but owned by this instance alone: the process and a
     * random part, so that two instances never take each other's claims for their own, even in one JVM (tests). A claim
     * not renewed for {@code axon.eventhandling.tokenstore.claim-timeout} (10 s) is free for another instance (R6).
     */
    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, TokenSchema tokenSchema,
                          @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claimTimeout) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(serializer)
                .schema(tokenSchema)
                .claimTimeout(claimTimeout)
                .nodeId(ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8))
                .build();
    }

    /** The instances of this service alive now, and the jobs one of them does at a time (R6). */
    @Bean
    Instances instances(DataSource dataSource, @Value("${spring.application.name:kefu}") String service) {
        return new Instances(dataSource, service);
    }

    /** Each instance processes its share of every streaming processor's segments (R6). */
    @Bean
    SegmentBalancer segmentBalancer(EventProcessingConfiguration processing, TokenStore tokenStore, Instances instances,
                                    ProcessorProperties processors) {
        return new SegmentBalancer(processing, tokenStore, instances, processors.balanceInterval(),
                processors.balanceInterval().multipliedBy(3));
    }

    @Bean
    Commands commands(CommandGateway gateway, ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new Commands(gateway, new CurrentTrace(tracer.getIfAvailable(), propagator.getIfAvailable()));
    }

    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    /** Who did it, and the trace context of the request that caused it, travel from each command into its events. */
    @Bean
    CorrelationDataProvider actorCorrelation() {
        return new SimpleCorrelationDataProvider(Actors.ACTOR, Actors.DEPARTMENT, Actors.TRACEPARENT,
                Actors.TRACESTATE);
    }

    @Bean
    EventHistory eventHistory(EventStore eventStore, @Qualifier("defaultAxonObjectMapper") ObjectMapper json) {
        return new EventHistory(eventStore, json);
    }

    /** Any record's read view as it was at an instant, through the projections' own handlers (A4). */
    @Bean
    RecordsAsOf recordsAsOf(EventStore eventStore, EventProcessingConfiguration processing,
                            TransactionManager transactions, PlatformTransactionManager springTransactions,
                            JdbcTemplate jdbc) {
        return new RecordsAsOf(eventStore, processing, transactions, springTransactions, jdbc);
    }

    /** Every record's history and view as it was, for auditors, from the service's {@link AuditedRecords}. */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    AuditedRecordsController auditedRecordsController(ObjectProvider<AuditedRecords> records, EventHistory history,
                                                      RecordsAsOf recordsAsOf,
                                                      @Value("${spring.application.name}") String application) {
        return new AuditedRecordsController(records.getIfAvailable(AuditedRecords::none), history, recordsAsOf,
                application.replaceFirst("-service$", ""));
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    ProjectionController projectionController(EventProcessingConfiguration processing, EventStore eventStore,
                                              TransactionManager transactions, ProcessorProperties processors,
                                              ObjectProvider<MeterRegistry> registry) {
        return new ProjectionController(processing,
                view -> new ViewRebuild(view, eventStore, transactions, processors.rebuildBatchSize(),
                        processors.rebuildSegments()),
                registry.getIfAvailable(SimpleMeterRegistry::new));
    }

    /** How far each processor is behind the store, the relay's lag among them ({@link ProcessorBacklog}). */
    @Bean
    ProcessorBacklog processorBacklog(JdbcTemplate jdbc, Serializer serializer, EventProcessingConfiguration processing,
                                      EventSchema eventSchema, TokenSchema tokenSchema,
                                      ObjectProvider<MeterRegistry> registry, ObjectProvider<Clock> clock) {
        return new ProcessorBacklog(jdbc, serializer, processing, eventSchema, tokenSchema,
                registry.getIfAvailable(SimpleMeterRegistry::new), clock.getIfAvailable(Clock::systemUTC),
                Duration.ofSeconds(5));
    }

    /** Readiness waits for the projections to catch up with the store ({@code processors} in the readiness group). */
    @Bean
    ProcessorsHealth processorsHealthIndicator(ProcessorBacklog backlog) {
        return new ProcessorsHealth(backlog);
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    ProjectionCheckController projectionCheckController(EventProcessingConfiguration processing, EventStore eventStore,
                                                         TransactionManager transactions,
                                                         PlatformTransactionManager springTransactions,
                                                         JdbcTemplate jdbc, ObjectMapper json,
                                                         ProcessorProperties processors,
                                                         @Value("${spring.application.name}") String application) {
        return new ProjectionCheckController(processing, processor -> new ProjectionCheck(processor, eventStore,
                transactions, springTransactions, jdbc, json, processors.rebuildBatchSize(),
                processors.checkTimeout()), application.replaceFirst("-service$", ""));
    }

    /**
     * Streaming processors (the relay, the statistics) are tracking processors, a thread per segment, working in
     * batches. Not pooled ones: a pooled processor's coordinator cannot be woken by the embedded event store (its
     * streams have no availability callback), so while idle it looked for new events only every 500 ms, and a
     * department heard of its complaint a quarter to half a second late. A tracking processor waits on the store's
     * stream and takes an event as soon as the store has fetched it.
     */
    @Bean
    ConfigurerModule eventProcessing(ProcessorProperties processors) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .usingTrackingEventProcessors()
                .registerTrackingEventProcessorConfiguration(config -> TrackingEventProcessorConfiguration
                        .forParallelProcessing(processors.segments())
                        .andInitialSegmentsCount(processors.segments())
                        .andBatchSize(processors.batchSize()))
                .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance()));
    }

}
