package com.kefu.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The manifests of a Kustomize folder, each document read into its typed model: fabric8's for Kubernetes' own kinds,
 * Strimzi's API classes for its resources, and a {@link GenericKubernetesResource} for CloudNativePG's (it has no Java
 * model to use). A field the typed model does not know fails the reading, instead of landing unseen in the model's
 * additional properties (a misspelt {@code readinesProbe} would be dropped by the API server).
 */
final class Manifests {

    /** The group/version and the model of every kind the manifests may hold. */
    private static final Map<String, Kind> KINDS = Map.ofEntries(
            Map.entry("Namespace", new Kind("v1", Namespace.class)),
            Map.entry("ConfigMap", new Kind("v1", ConfigMap.class)),
            Map.entry("Secret", new Kind("v1", Secret.class)),
            Map.entry("Service", new Kind("v1", Service.class)),
            Map.entry("Deployment", new Kind("apps/v1", Deployment.class)),
            Map.entry("PodDisruptionBudget", new Kind("policy/v1", PodDisruptionBudget.class)),
            Map.entry("Ingress", new Kind("networking.k8s.io/v1", Ingress.class)),
            Map.entry("Kafka", new Kind("kafka.strimzi.io/v1", Kafka.class)),
            Map.entry("KafkaNodePool", new Kind("kafka.strimzi.io/v1", KafkaNodePool.class)),
            Map.entry("KafkaTopic", new Kind("kafka.strimzi.io/v1", KafkaTopic.class)),
            Map.entry("Cluster", new Kind("postgresql.cnpg.io/v1", GenericKubernetesResource.class)),
            Map.entry("Database", new Kind("postgresql.cnpg.io/v1", GenericKubernetesResource.class)),
            Map.entry("ScheduledBackup", new Kind("postgresql.cnpg.io/v1", GenericKubernetesResource.class)));

    private record Kind(String apiVersion, Class<? extends HasMetadata> model) {
    }

    /** One document of a manifest: where it is, as written, and as its model read it. */
    record Resource(Path file, JsonNode tree, HasMetadata model) {

        String kind() {
            return model.getKind();
        }

        String name() {
            return model.getMetadata().getName();
        }
    }

    static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private final List<Resource> resources;

    private Manifests(List<Resource> resources) {
        this.resources = List.copyOf(resources);
    }

    /** The resources a kustomization.yaml lists (files, and folders with a kustomization of their own). */
    static Manifests ofKustomization(Path folder) {
        List<Resource> resources = new ArrayList<>();
        for (JsonNode entry : kustomization(folder).path("resources")) {
            Path resource = folder.resolve(entry.asText()).normalize();
            if (Files.isDirectory(resource)) {
                resources.addAll(ofKustomization(resource).resources);
            } else {
                resources.addAll(read(resource));
            }
        }
        return new Manifests(resources);
    }

    static JsonNode kustomization(Path folder) {
        return tree(folder.resolve("kustomization.yaml"));
    }

    /** Every document of a manifest file, each read into its model. */
    static List<Resource> read(Path file) {
        List<Resource> resources = new ArrayList<>();
        try {
            for (Object document : YAML.readerFor(JsonNode.class).readValues(Files.readString(file)).readAll()) {
                JsonNode tree = (JsonNode) document;
                if (tree == null || tree.isNull() || tree.isEmpty()) {
                    continue;
                }
                resources.add(resource(file, tree));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + " is not YAML", e);
        }
        return resources;
    }

    private static Resource resource(Path file, JsonNode tree) {
        String kind = tree.path("kind").asText();
        Kind known = KINDS.get(kind);
        if (known == null) {
            throw new AssertionError(file + ": a " + kind + " (" + tree.path("metadata").path("name").asText()
                    + "), a kind no model here reads; add it to Manifests.KINDS with its model");
        }
        if (!known.apiVersion().equals(tree.path("apiVersion").asText())) {
            throw new AssertionError(file + ": " + kind + " " + tree.path("metadata").path("name").asText()
                    + " has apiVersion " + tree.path("apiVersion").asText() + ", not " + known.apiVersion());
        }
        HasMetadata model;
        try {
            model = SERIALIZATION.unmarshal(JSON.writeValueAsString(tree), known.model());
        } catch (IOException | RuntimeException e) {
            throw new AssertionError(file + ": " + kind + " does not read into " + known.model().getName() + ": "
                    + e.getMessage(), e);
        }
        if (model.getMetadata() == null || model.getMetadata().getName() == null) {
            throw new AssertionError(file + ": a " + kind + " without metadata.name");
        }
        if (!(model instanceof GenericKubernetesResource)) {
            unknownFields(model, kind + " " + model.getMetadata().getName(), 0)
                    .ifPresent(field -> {
                        throw new AssertionError(file + ": " + field);
                    });
        }
        return new Resource(file, tree, model);
    }

    /** A field the model does not know, found in any object of the model's tree: its additional properties. */
    private static Optional<String> unknownFields(Object object, String where, int depth) {
        if (object == null || depth > 40) {
            return Optional.empty();
        }
        if (object instanceof Collection<?> collection) {
            for (Object element : collection) {
                Optional<String> unknown = unknownFields(element, where, depth + 1);
                if (unknown.isPresent()) {
                    return unknown;
                }
            }
            return Optional.empty();
        }
        if (object instanceof Map<?, ?> map) {
            return unknownFields(map.values(), where, depth);
        }
        String type = object.getClass().getName();
        if (!type.startsWith("io.fabric8.kubernetes.api.model") && !type.startsWith("io.strimzi.api")) {
            return Optional.empty();
        }
        for (Method getter : object.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(object);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue; // a derived getter that does not apply here
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> additional && !additional.isEmpty()) {
                    return Optional.of(where + ": " + object.getClass().getSimpleName() + " has no field "
                            + additional.keySet());
                }
                continue;
            }
            Optional<String> unknown = unknownFields(value, where, depth + 1);
            if (unknown.isPresent()) {
                return unknown;
            }
        }
        return Optional.empty();
    }

    static JsonNode tree(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(file + " is not YAML", e);
        }
    }

    List<Resource> all() {
        return resources;
    }

    <T extends HasMetadata> List<T> of(Class<T> model) {
        return resources.stream().map(Resource::model).filter(model::isInstance).map(model::cast).toList();
    }

    List<GenericKubernetesResource> generic(String kind) {
        return of(GenericKubernetesResource.class).stream().filter(r -> r.getKind().equals(kind)).toList();
    }

    <T extends HasMetadata> T named(Class<T> model, String name) {
        return of(model).stream().filter(r -> r.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + model.getSimpleName() + " named " + name));
    }

    Optional<Resource> find(String kind, String name) {
        return resources.stream().filter(r -> r.kind().equals(kind) && r.name().equals(name)).findFirst();
    }
}
