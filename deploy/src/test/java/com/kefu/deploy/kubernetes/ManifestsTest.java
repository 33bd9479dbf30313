package com.kefu.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.kefu.complaint.api.ComplaintTopics;
import com.kefu.deploy.LocalSystem;
import com.kefu.dutylog.api.DutylogTopics;
import com.kefu.platform.contracts.audit.AuditTopics;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The installation's manifests (deploy/kubernetes, deploy/compose.yaml) read into their typed models and held against
 * the services as they are configured (K1–K6, README "Kubernetes"). Fast: no cluster, no system started. The services
 * are those {@link LocalSystem} starts, with their modules and databases; what each needs is read from its own
 * configuration files ({@link ServiceSettings}).
 */
class ManifestsTest {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    private static final Path KUBERNETES = ROOT.resolve("deploy/kubernetes");
    private static final Path BASE = KUBERNETES.resolve("base");
    private static final Path PRODUCTION = KUBERNETES.resolve("overlays/production");
    private static final Path COMPOSE = ROOT.resolve("deploy/compose.yaml");
    private static final List<LocalSystem.Service> SERVICES = LocalSystem.Settings.allServices(8080);
    private static final String HTTP = "http";
    private static final Pattern FILE = Pattern.compile("file:(/\\S+)");
    private static final String IMAGES = read(ROOT.resolve("deploy/images/build.sh"));

    /** The production overlay's resources: the base's, and the secrets they read (without the overlay's patches). */
    private final Manifests base = Manifests.ofKustomization(PRODUCTION);

    @Test
    void k1EveryManifestReadsIntoItsTypedModelWithNoFieldTheModelDoesNotKnow() throws IOException {
        Manifests alone = Manifests.ofKustomization(BASE);
        assertThat(alone.all()).as("the base's resources").hasSizeGreaterThan(20);
        // the production overlay: its resources read as well, its patches change what the base has
        assertThat(base.all()).hasSizeGreaterThan(alone.all().size());
        JsonNode overlay = Manifests.kustomization(PRODUCTION);
        for (JsonNode patch : overlay.path("patches")) {
            String kind = patch.path("target").path("kind").asText();
            String name = patch.path("target").path("name").asText();
            Manifests.Resource target = alone.find(kind, name)
                    .orElseThrow(() -> new AssertionError("a patch for " + kind + " " + name + ", not in the base"));
            for (JsonNode operation : Manifests.tree(PRODUCTION.resolve(patch.path("path").asText()))) {
                assertThat(target.tree().at(operation.path("path").asText()).isMissingNode())
                        .as("%s replaces %s, which %s %s has", patch.path("path").asText(),
                                operation.path("path").asText(), kind, name).isFalse();
            }
        }
        Set<String> images = new LinkedHashSet<>();
        base.of(Deployment.class).forEach(deployment ->
                images.add(container(deployment).getImage().replaceAll(":[^:/]*$", "")));
        Set<String> named = new LinkedHashSet<>();
        overlay.path("images").forEach(image -> named.add(image.path("name").asText()));
        assertThat(named).as("the overlay names every image of the base").isEqualTo(images);
        // the point-in-time recovery, applied by hand, reads as well
        try (var restores = Files.list(KUBERNETES.resolve("restore"))) {
            restores.forEach(restore -> assertThat(Manifests.read(restore)).as("%s", restore).isNotEmpty());
        }
    }

    @Test
    void k2EverySettingAServiceRequiresIsProvidedOnKubernetesAndInCompose() {
        JsonNode compose = Manifests.tree(COMPOSE);
        for (LocalSystem.Service service : SERVICES) {
            ServiceSettings settings = new ServiceSettings(ROOT, service);
            Deployment deployment = base.named(Deployment.class, service.name());
            Map<String, String> kubernetes = environment(deployment);
            Map<String, String> local = composeEnvironment(compose, service.name());
            String profile = kubernetes.get("SPRING_PROFILES_ACTIVE");
            assertThat(profile).as("%s's profile", service.name()).isNotBlank().isNotEqualTo("local");
            assertThat(local.get("SPRING_PROFILES_ACTIVE")).as("compose's %s's profile", service.name())
                    .isEqualTo(profile);
            settings.requiredEnvironment(profile).forEach((name, why) -> {
                assertThat(kubernetes).as("%s on Kubernetes: %s, for %s", service.name(), name, why)
                        .containsKey(name);
                assertThat(local).as("%s in compose.yaml: %s, for %s", service.name(), name, why).containsKey(name);
            });
            for (String property : settings.localProfileSettings()) {
                assertThat(provided(property, kubernetes, deployment))
                        .as("%s on Kubernetes: %s, set by the local profile only", service.name(), property).isTrue();
                assertThat(ServiceSettings.environmentNames(property).stream().anyMatch(local::containsKey)
                        || local.containsKey("SPRING_CONFIG_IMPORT"))
                        .as("%s in compose.yaml: %s, set by the local profile only", service.name(), property)
                        .isTrue();
            }
            // a file named by a setting is there: mounted from a secret whose item it is
            kubernetes.values().forEach(value -> fileNamed(value).ifPresent(path -> assertThat(
                    mountedSecretItem(deployment, path)).as("%s on Kubernetes mounts %s", service.name(), path)
                    .isNotNull()));
            local.values().forEach(value -> fileNamed(value).ifPresent(path -> assertThat(
                    composeSecrets(compose, service.name())).as("%s in compose.yaml has the secret %s",
                    service.name(), path).contains(path.replaceFirst("^/run/secrets/", ""))));
            // the database is the service's own, on the cluster's primary
            if (service.database() != null) {
                GenericKubernetesResource cluster = base.generic("Cluster").get(0);
                assertThat(kubernetes.get("KEFU_DB_URL")).isEqualTo("jdbc:postgresql://"
                        + cluster.getMetadata().getName() + "-rw:5432/" + service.database());
                assertThat(local.get("KEFU_DB_URL")).isEqualTo("jdbc:postgresql://postgres:5432/"
                        + service.database());
                String owner = cluster.get("spec", "bootstrap", "initdb", "owner");
                String secret = cluster.get("spec", "bootstrap", "initdb", "secret", "name");
                assertThat(kubernetes.get("PG_USER")).isEqualTo("secret:" + secret + "/username");
                assertThat(kubernetes.get("PG_PASSWORD")).isEqualTo("secret:" + secret + "/password");
                assertThat(secretValue(secret, "username")).isEqualTo(owner);
                assertThat(local.get("PG_USER")).isEqualTo(owner);
            }
            // the broker: the Strimzi cluster's bootstrap service, on its plain listener
            Kafka kafka = base.of(Kafka.class).get(0);
            GenericKafkaListener plain = kafka.getSpec().getKafka().getListeners().stream()
                    .filter(listener -> !listener.isTls()).findFirst().orElseThrow();
            assertThat(kubernetes.get("KAFKA_BOOTSTRAP"))
                    .isEqualTo(kafka.getMetadata().getName() + "-kafka-bootstrap:" + plain.getPort());
            assertThat(compose.at("/services/kafka/environment/KAFKA_ADVERTISED_LISTENERS").asText())
                    .contains("//" + local.get("KAFKA_BOOTSTRAP"));
        }
    }

    @Test
    void k3PortsProbePathsAndRoutesMatchTheServicesConfiguration() {
        JsonNode compose = Manifests.tree(COMPOSE);
        for (LocalSystem.Service service : SERVICES) {
            ServiceSettings settings = new ServiceSettings(ROOT, service);
            Deployment deployment = base.named(Deployment.class, service.name());
            Container container = container(deployment);
            Map<String, String> environment = environment(deployment);
            Map<String, String> properties = settings.properties(environment.get("SPRING_PROFILES_ACTIVE"));
            int port = resolve(properties.get("server.port"), environment);
            ContainerPort http = container.getPorts().stream().filter(p -> HTTP.equals(p.getName())).findFirst()
                    .orElseThrow(() -> new AssertionError(service.name() + " has no port named http"));
            assertThat(http.getContainerPort()).as("%s's container port is server.port", service.name())
                    .isEqualTo(port);
            // the probes: the actuator's health groups, on the management port (the server's unless it has its own)
            assertThat(properties.get("management.endpoint.health.probes.enabled")).isEqualTo("true");
            String exposed = properties.getOrDefault("management.endpoints.web.exposure.include", "");
            assertThat(exposed).as("%s exposes health", service.name()).contains("health");
            String basePath = properties.getOrDefault("management.endpoints.web.base-path", "/actuator");
            int managementPort = properties.containsKey("management.server.port")
                    ? resolve(properties.get("management.server.port"), environment) : port;
            Map<String, Probe> probes = new LinkedHashMap<>();
            probes.put("liveness", container.getLivenessProbe());
            probes.put("liveness (startup)", container.getStartupProbe());
            probes.put("readiness", container.getReadinessProbe());
            probes.forEach((group, probe) -> {
                assertThat(probe).as("%s's %s probe", service.name(), group).isNotNull();
                HTTPGetAction get = probe.getHttpGet();
                assertThat(get.getPath()).as("%s's %s probe", service.name(), group)
                        .isEqualTo(basePath + "/health/" + group.replace(" (startup)", ""));
                assertThat(portNumber(get.getPort(), container)).as("%s's %s probe's port", service.name(), group)
                        .isEqualTo(managementPort);
            });
            // the Service: the pods of this Deployment, on the container's port
            Service kubernetesService = base.named(Service.class, service.name());
            assertThat(kubernetesService.getSpec().getSelector().entrySet())
                    .isSubsetOf(deployment.getSpec().getTemplate().getMetadata().getLabels().entrySet());
            assertThat(kubernetesService.getSpec().getPorts()).anySatisfy(servicePort ->
                    assertThat(portNumber(servicePort.getTargetPort(), container)).isEqualTo(port));
            // compose: the same port inside its network
            assertThat(composeEnvironment(compose, service.name()).get("PORT")).isEqualTo(Integer.toString(port));
            // its image: the Dockerfile's, from its module's jar (compose.yaml and deploy/images/build.sh alike)
            assertThat(compose.at("/services/" + service.name() + "/build/args/MODULE").asText())
                    .isEqualTo(service.module());
            assertThat(IMAGES).as("deploy/images/build.sh builds %s", service.name())
                    .containsPattern("(?m)^" + service.name() + " " + Pattern.quote(service.module()) + "( |$)");
            assertThat(container.getImage()).startsWith("kefu/" + service.name() + ":");
        }
        assertThat(read(ROOT.resolve("deploy/images/Dockerfile"))).contains("COPY ${MODULE}/target/*-exec.jar");
        // the gateway's routes: each service by its Service's name and port (compose: by its name and PORT)
        Map<String, String> gateway = environment(base.named(Deployment.class, "gateway"));
        Map<String, String> composeGateway = composeEnvironment(compose, "gateway");
        for (LocalSystem.Service service : SERVICES.stream().filter(s -> !s.isGateway()).toList()) {
            String route = service.name().replace("-", "_").toUpperCase() + "_URL";
            URI uri = URI.create(gateway.get(route));
            Service target = base.named(Service.class, uri.getHost());
            assertThat(target.getSpec().getSelector()).containsEntry("app.kubernetes.io/name", service.name());
            int servicePort = uri.getPort() < 0 ? 80 : uri.getPort();
            assertThat(target.getSpec().getPorts()).extracting(ServicePort::getPort).contains(servicePort);
            URI local = URI.create(composeGateway.get(route));
            assertThat(local.getHost()).isEqualTo(service.name());
            assertThat(Integer.toString(local.getPort()))
                    .isEqualTo(composeEnvironment(compose, service.name()).get("PORT"));
        }
    }

    @Test
    void k4EveryTopicAServicePublishesOrReadsHasAKafkaTopicWithThreeCopiesTwoInSyncKeptAsTheServiceRequires() {
        Map<String, KafkaTopic> topics = new HashMap<>();
        base.of(KafkaTopic.class).forEach(topic -> topics.put(topicName(topic), topic));
        Set<String> used = new LinkedHashSet<>();
        for (LocalSystem.Service service : SERVICES) {
            Map<String, String> environment = environment(base.named(Deployment.class, service.name()));
            Map<String, String> properties = new ServiceSettings(ROOT, service)
                    .properties(environment.get("SPRING_PROFILES_ACTIVE"));
            String published = properties.get("kefu.relay.topic");
            if (published != null) {
                // RelayProperties: 3 partitions unless kefu.relay.partitions says; every event kept (PublishedTopic)
                int partitions = Integer.parseInt(properties.getOrDefault("kefu.relay.partitions", "3"));
                KafkaTopic topic = topic(topics, published, service.name() + " publishes on");
                assertThat(topic.getSpec().getPartitions()).as(published).isEqualTo(partitions);
                assertThat(config(topic, "retention.ms")).as("%s keeps every event", published).isEqualTo("-1");
                assertThat(config(topic, "retention.bytes")).as("%s keeps every event", published).isEqualTo("-1");
                // the service sets its topic's copies to its own (modify-topic-configs): the same, or they fight
                assertThat(topic.getSpec().getReplicas()).as("%s's copies", published)
                        .isGreaterThanOrEqualTo(Integer.parseInt(environment.get("KEFU_RELAY_REPLICATIONFACTOR")));
                assertThat(config(topic, "min.insync.replicas")).as("%s in sync", published)
                        .isEqualTo(environment.get("KEFU_RELAY_MININSYNCREPLICAS"));
                used.add(published);
                // A1: a service that publishes publishes its chain heads too, on the audit topic with the same settings
                String heads = properties.getOrDefault("kefu.audit.chain-head-topic", AuditTopics.CHAIN_HEADS);
                KafkaTopic audit = topic(topics, heads, service.name() + " publishes its chain heads on");
                assertThat(audit.getSpec().getPartitions()).as(heads).isEqualTo(partitions);
                assertThat(config(audit, "retention.ms")).as("%s keeps every head", heads).isEqualTo("-1");
                assertThat(config(audit, "retention.bytes")).as("%s keeps every head", heads).isEqualTo("-1");
                assertThat(audit.getSpec().getReplicas()).as("%s's copies", heads)
                        .isGreaterThanOrEqualTo(Integer.parseInt(environment.get("KEFU_RELAY_REPLICATIONFACTOR")));
                assertThat(config(audit, "min.insync.replicas")).as("%s in sync", heads)
                        .isEqualTo(environment.get("KEFU_RELAY_MININSYNCREPLICAS"));
                used.add(heads);
            }
            properties.entrySet().stream().filter(e -> e.getKey().startsWith("kefu.consumer.topics["))
                    .map(Map.Entry::getValue).forEach(read -> {
                        topic(topics, read, service.name() + " reads");
                        // MessagingConfiguration: each topic read has its dead-letter topic, one partition
                        KafkaTopic deadLetters = topic(topics, read + ".DLT", service.name() + " sends dead letters to");
                        assertThat(deadLetters.getSpec().getPartitions()).isEqualTo(1);
                        used.add(read);
                        used.add(read + ".DLT");
                    });
        }
        // the gateway's live streams (StreamsProperties)
        for (String read : List.of(ComplaintTopics.EVENTS, DutylogTopics.EVENTS)) {
            topic(topics, read, "the gateway's streams read");
            used.add(read);
        }
        assertThat(topics.keySet()).as("every KafkaTopic is one a service uses").isEqualTo(used);
        Kafka kafka = base.of(Kafka.class).get(0);
        for (KafkaTopic topic : topics.values()) {
            assertThat(topic.getMetadata().getLabels()).as(topicName(topic))
                    .containsEntry("strimzi.io/cluster", kafka.getMetadata().getName());
            assertThat(topic.getSpec().getReplicas()).as("%s's copies", topicName(topic)).isEqualTo(3);
            assertThat(config(topic, "min.insync.replicas")).as("%s in sync", topicName(topic)).isEqualTo("2");
        }
        // three KRaft nodes that are brokers and controllers, and the broker's own topics as safe
        List<KafkaNodePool> pools = base.of(KafkaNodePool.class);
        assertThat(pools).allSatisfy(pool -> assertThat(pool.getMetadata().getLabels())
                .containsEntry("strimzi.io/cluster", kafka.getMetadata().getName()));
        assertThat(pools.stream().filter(p -> p.getSpec().getRoles().contains(ProcessRoles.BROKER))
                .mapToInt(p -> p.getSpec().getReplicas()).sum()).as("brokers").isEqualTo(3);
        assertThat(pools.stream().filter(p -> p.getSpec().getRoles().contains(ProcessRoles.CONTROLLER))
                .mapToInt(p -> p.getSpec().getReplicas()).sum()).as("controllers").isEqualTo(3);
        Map<String, Object> broker = kafka.getSpec().getKafka().getConfig();
        assertThat(String.valueOf(broker.get("min.insync.replicas"))).isEqualTo("2");
        assertThat(String.valueOf(broker.get("default.replication.factor"))).isEqualTo("3");
        assertThat(String.valueOf(broker.get("offsets.topic.replication.factor"))).isEqualTo("3");
        assertThat(kafka.getSpec().getEntityOperator().getTopicOperator()).as("the KafkaTopics' operator").isNotNull();
    }

    @Test
    void k5PostgresHasThreeInstancesADatabasePerServiceAndBackupsWithPointInTimeRecovery() {
        List<GenericKubernetesResource> clusters = base.generic("Cluster");
        assertThat(clusters).hasSize(1);
        GenericKubernetesResource cluster = clusters.get(0);
        String name = cluster.getMetadata().getName();
        assertThat(cluster.<Integer>get("spec", "instances")).isEqualTo(3);
        Set<String> databases = new LinkedHashSet<>();
        databases.add(cluster.get("spec", "bootstrap", "initdb", "database"));
        String owner = cluster.get("spec", "bootstrap", "initdb", "owner");
        for (GenericKubernetesResource database : base.generic("Database")) {
            assertThat(database.<String>get("spec", "cluster", "name")).isEqualTo(name);
            assertThat(database.<String>get("spec", "owner")).isEqualTo(owner);
            databases.add(database.get("spec", "name"));
        }
        assertThat(databases).as("one database per service, as the local system has")
                .isEqualTo(SERVICES.stream().map(LocalSystem.Service::database).filter(Objects::nonNull)
                        .collect(Collectors.toCollection(LinkedHashSet::new)));
        // compose: the same databases
        JsonNode compose = Manifests.tree(COMPOSE);
        Set<String> composeDatabases = new LinkedHashSet<>();
        composeDatabases.add(compose.at("/services/postgres/environment/POSTGRES_DB").asText());
        Matcher create = Pattern.compile("CREATE DATABASE (\\w+) OWNER (\\w+)")
                .matcher(read(ROOT.resolve("deploy/compose/create-databases.sql")));
        while (create.find()) {
            composeDatabases.add(create.group(1));
        }
        assertThat(composeDatabases).isEqualTo(databases);
        // backups: the base backups and the WAL to object storage, credentials from a secret that has them
        assertThat(cluster.<String>get("spec", "backup", "barmanObjectStore", "destinationPath")).startsWith("s3://");
        assertThat(cluster.<Object>get("spec", "backup", "barmanObjectStore", "wal")).isNotNull();
        assertThat(cluster.<String>get("spec", "backup", "retentionPolicy")).matches("\\d+[dwm]");
        for (String credential : List.of("accessKeyId", "secretAccessKey")) {
            String secret = cluster.get("spec", "backup", "barmanObjectStore", "s3Credentials", credential, "name");
            String key = cluster.get("spec", "backup", "barmanObjectStore", "s3Credentials", credential, "key");
            assertThat(secretValue(secret, key)).as("%s/%s", secret, key).isNotNull();
        }
        List<GenericKubernetesResource> schedules = base.generic("ScheduledBackup");
        assertThat(schedules).as("a scheduled base backup").isNotEmpty().allSatisfy(schedule -> {
            assertThat(schedule.<String>get("spec", "cluster", "name")).isEqualTo(name);
            assertThat(schedule.<String>get("spec", "schedule").split(" ")).as("six fields, seconds first").hasSize(6);
        });
        // the recovery reads the same object store, up to a target time
        GenericKubernetesResource restore = (GenericKubernetesResource) Manifests
                .read(KUBERNETES.resolve("restore/postgres-restore-pitr.yaml")).get(0).model();
        assertThat(restore.<String>get("spec", "bootstrap", "recovery", "recoveryTarget", "targetTime")).isNotBlank();
        assertThat(restore.<List<Map<String, Object>>>get("spec", "externalClusters")).anySatisfy(external -> {
            assertThat(external.get("name")).isEqualTo(restore.<String>get("spec", "bootstrap", "recovery", "source"));
            assertThat(external.get("barmanObjectStore")).isNotNull();
        });
    }

    @Test
    void k6P5EveryServiceRunsTwiceWithinABudgetAndResourcesTheGatewayBehindTlsItsIssuerAndNoSecretHoldsARealKey() {
        for (LocalSystem.Service service : SERVICES) {
            Deployment deployment = base.named(Deployment.class, service.name());
            assertThat(deployment.getSpec().getReplicas()).as("%s's replicas", service.name()).isEqualTo(2);
            Container container = container(deployment);
            assertThat(container.getResources().getRequests()).as(service.name()).containsKeys("cpu", "memory");
            assertThat(container.getResources().getLimits()).as(service.name()).containsKey("memory");
            PodDisruptionBudget budget = base.named(PodDisruptionBudget.class, service.name());
            assertThat(budget.getSpec().getSelector().getMatchLabels().entrySet())
                    .isSubsetOf(deployment.getSpec().getTemplate().getMetadata().getLabels().entrySet());
            assertThat(budget.getSpec().getMinAvailable().getIntVal()).as("%s's budget", service.name()).isEqualTo(1);
        }
        Ingress ingress = base.named(Ingress.class, "gateway");
        List<IngressTLS> tls = ingress.getSpec().getTls();
        assertThat(tls).as("TLS").isNotEmpty().allSatisfy(t -> assertThat(t.getSecretName()).isNotBlank());
        for (IngressRule rule : ingress.getSpec().getRules()) {
            assertThat(tls.stream().flatMap(t -> t.getHosts().stream())).as("TLS for %s", rule.getHost())
                    .contains(rule.getHost());
            rule.getHttp().getPaths().forEach(path -> {
                Service service = base.named(Service.class, path.getBackend().getService().getName());
                assertThat(service.getSpec().getSelector()).containsEntry("app.kubernetes.io/name", "gateway");
                assertThat(service.getSpec().getPorts()).extracting(ServicePort::getName)
                        .contains(path.getBackend().getService().getPort().getName());
            });
        }
        // P5: the tokens' issuer is the address the staff reach the gateway at, in the base and in the overlay
        assertThat(base.named(ConfigMap.class, "kefu-config").getData().get("KEFU_SECURITY_ISSUER"))
                .isEqualTo("https://" + ingress.getSpec().getRules().get(0).getHost());
        assertThat(patched(ConfigMap.class.getSimpleName(), "/data/KEFU_SECURITY_ISSUER"))
                .isEqualTo("https://" + patched(Ingress.class.getSimpleName(), "/spec/rules/0/host"));
        for (Secret secret : base.of(Secret.class)) {
            Map<String, String> data = secret.getStringData() == null ? Map.of() : secret.getStringData();
            assertThat(secret.getData()).as("%s: placeholders in stringData only", secret.getMetadata().getName())
                    .isNullOrEmpty();
            data.forEach((key, value) -> assertThat(value).as("%s/%s", secret.getMetadata().getName(), key)
                    .doesNotContain("BEGIN").satisfiesAnyOf(v -> assertThat(v).contains("REPLACE-ME"),
                            v -> assertThat(key).isEqualTo("username")));
        }
    }

    // --- reading the manifests -------------------------------------------------------------------------------------

    /** The value the production overlay's patch of a {@code kind} puts at {@code path}. */
    private static String patched(String kind, String path) {
        for (JsonNode patch : Manifests.kustomization(PRODUCTION).path("patches")) {
            if (patch.path("target").path("kind").asText().equals(kind)) {
                for (JsonNode operation : Manifests.tree(PRODUCTION.resolve(patch.path("path").asText()))) {
                    if (operation.path("path").asText().equals(path)) {
                        return operation.path("value").asText();
                    }
                }
            }
        }
        throw new AssertionError("the production overlay patches no " + kind + " at " + path);
    }

    private static Container container(Deployment deployment) {
        List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).as(deployment.getMetadata().getName()).hasSize(1);
        return containers.get(0);
    }

    /**
     * The container's environment as the pod gets it: its ConfigMaps' entries, then its own; a secret's value as
     * {@code secret:<name>/<key>}, once the secret has that key; a field's as {@code field:<path>}.
     */
    private Map<String, String> environment(Deployment deployment) {
        Container container = container(deployment);
        Map<String, String> environment = new LinkedHashMap<>();
        for (EnvFromSource source : container.getEnvFrom()) {
            ConfigMap config = base.named(ConfigMap.class, source.getConfigMapRef().getName());
            environment.putAll(config.getData());
        }
        for (EnvVar variable : container.getEnv()) {
            if (variable.getValue() != null) {
                environment.put(variable.getName(), variable.getValue());
            } else if (variable.getValueFrom().getSecretKeyRef() != null) {
                String secret = variable.getValueFrom().getSecretKeyRef().getName();
                String key = variable.getValueFrom().getSecretKeyRef().getKey();
                assertThat(secretValue(secret, key)).as("%s: %s from %s/%s", deployment.getMetadata().getName(),
                        variable.getName(), secret, key).isNotNull();
                environment.put(variable.getName(), "secret:" + secret + "/" + key);
            } else {
                environment.put(variable.getName(), "field:" + variable.getValueFrom().getFieldRef().getFieldPath());
            }
        }
        return environment;
    }

    private String secretValue(String name, String key) {
        Secret secret = base.named(Secret.class, name);
        return secret.getStringData() == null ? null : secret.getStringData().get(key);
    }

    /** The content of the secret's item mounted at {@code path}, or null when nothing mounted is there. */
    private String mountedSecretItem(Deployment deployment, String path) {
        for (VolumeMount mount : container(deployment).getVolumeMounts()) {
            if (!path.startsWith(mount.getMountPath() + "/")) {
                continue;
            }
            String file = path.substring(mount.getMountPath().length() + 1);
            Volume volume = deployment.getSpec().getTemplate().getSpec().getVolumes().stream()
                    .filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow();
            if (volume.getSecret() == null) {
                return null;
            }
            String key = volume.getSecret().getItems() == null || volume.getSecret().getItems().isEmpty() ? file
                    : volume.getSecret().getItems().stream().filter(item -> item.getPath().equals(file))
                    .map(item -> item.getKey()).findFirst().orElse(null);
            return key == null ? null : secretValue(volume.getSecret().getSecretName(), key);
        }
        return null;
    }

    /** Whether the installation sets {@code property}: by its variable, or in a YAML file it imports from a secret. */
    private boolean provided(String property, Map<String, String> environment, Deployment deployment) {
        if (ServiceSettings.environmentNames(property).stream().anyMatch(environment::containsKey)) {
            return true;
        }
        String imports = environment.get("SPRING_CONFIG_IMPORT");
        if (imports == null) {
            return false;
        }
        for (String imported : imports.split(",")) {
            String content = mountedSecretItem(deployment, imported.replaceFirst("^(optional:)?file:", ""));
            if (content != null && ServiceSettings.flatten(content).keySet().stream()
                    .anyMatch(key -> key.equals(property) || key.startsWith(property + "[")
                            || key.startsWith(property + "."))) {
                return true;
            }
        }
        return false;
    }

    private static java.util.Optional<String> fileNamed(String value) {
        Matcher file = FILE.matcher(value);
        return file.find() ? java.util.Optional.of(file.group(1)) : java.util.Optional.empty();
    }

    private static int portNumber(IntOrString port, Container container) {
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return container.getPorts().stream().filter(p -> port.getStrVal().equals(p.getName())).findFirst()
                .map(ContainerPort::getContainerPort)
                .orElseThrow(() -> new AssertionError("no container port named " + port.getStrVal()));
    }

    /** A setting's value with its placeholders resolved from the environment (or their defaults). */
    private static int resolve(String value, Map<String, String> environment) {
        Matcher placeholder = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::([^}]*))?}").matcher(value);
        if (placeholder.matches()) {
            String resolved = environment.getOrDefault(placeholder.group(1), placeholder.group(2));
            assertThat(resolved).as("%s is set", placeholder.group(1)).isNotNull();
            return Integer.parseInt(resolved);
        }
        return Integer.parseInt(value);
    }

    private static String topicName(KafkaTopic topic) {
        return topic.getSpec().getTopicName() != null ? topic.getSpec().getTopicName()
                : topic.getMetadata().getName();
    }

    private static KafkaTopic topic(Map<String, KafkaTopic> topics, String name, String who) {
        assertThat(topics).as("a KafkaTopic for %s, which %s", name, who).containsKey(name);
        return topics.get(name);
    }

    private static String config(KafkaTopic topic, String name) {
        Map<String, Object> config = topic.getSpec().getConfig();
        return config == null || config.get(name) == null ? null : String.valueOf(config.get(name));
    }

    private static Map<String, String> composeEnvironment(JsonNode compose, String service) {
        JsonNode environment = compose.path("services").path(service).path("environment");
        assertThat(environment.isObject()).as("compose.yaml's %s has an environment", service).isTrue();
        Map<String, String> values = new LinkedHashMap<>();
        environment.fields().forEachRemaining(field -> values.put(field.getKey(), field.getValue().asText()));
        return values;
    }

    private static List<String> composeSecrets(JsonNode compose, String service) {
        List<String> secrets = new ArrayList<>();
        compose.path("services").path(service).path("secrets").forEach(secret -> {
            assertThat(compose.path("secrets").has(secret.asText())).as("compose.yaml declares %s", secret).isTrue();
            secrets.add(secret.asText());
        });
        return secrets;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
