package com.kefu.platform.privacy;

import com.kefu.platform.contracts.DataSubject;

import com.kefu.platform.contracts.PersonalData;

import com.kefu.platform.ids.RandomIdentifiers;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.UnknownSerializedType;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The event serializer: Jackson, with every {@link PersonalData} text encrypted (AES-GCM, the key of the event's
 * {@link DataSubject}, the subject bound in as associated data) before the event reaches the event store, and
 * decrypted when it is read. Once the subject's key is erased the text reads as {@link Masking#ERASED}: histories,
 * projections and replays keep working without the person (S3). Events without personal data pass as they are.
 */
public class PersonalDataSerializer implements Serializer {

    static final String PREFIX = "pd1:";
    private static final int IV_BYTES = 12;

    private final Serializer delegate;
    private final ObjectMapper json;
    private final PersonalDataKeys keys;
    private final ObjectReader metaDataReader;

    public PersonalDataSerializer(Serializer delegate, ObjectMapper json, PersonalDataKeys keys) {
        this.delegate = delegate;
        this.json = json;
        this.keys = keys;
        this.metaDataReader = json.readerFor(new TypeReference<Map<String, Object>>() {
        });
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        PersonalFields fields = object == null ? null : PersonalFields.of(object.getClass());
        if (fields == null || !fields.any()) {
            return delegate.serialize(object, expectedRepresentation);
        }
        ObjectNode tree = json.valueToTree(object);
        Optional<String> subject = fields.subjectOf(tree);
        if (subject.isEmpty()) {
            return delegate.serialize(object, expectedRepresentation);
        }
        SecretKey key = keys.keyFor(subject.get());
        fields.rewrite(tree, text -> encrypt(text, key, subject.get()));
        SerializedObject<JsonNode> encrypted = new SimpleSerializedObject<>(tree, JsonNode.class,
                delegate.typeForClass(object.getClass()));
        return delegate.getConverter().convert(encrypted, expectedRepresentation);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        if (SerializedType.emptyType().equals(serializedObject.getType())) {
            return delegate.deserialize(serializedObject);
        }
        Class<?> type = delegate.classForType(serializedObject.getType());
        if (MetaData.class.equals(type)) {
            return (T) metaData(serializedObject);
        }
        PersonalFields fields = PersonalFields.of(type);
        if (UnknownSerializedType.class.equals(type) || !fields.any()) {
            return delegate.deserialize(serializedObject);
        }
        JsonNode tree = delegate.getConverter().convert(serializedObject, JsonNode.class).getData().deepCopy();
        if (tree instanceof ObjectNode event) {
            Optional<String> subject = fields.subjectOf(event);
            Optional<SecretKey> key = subject.flatMap(keys::find);
            fields.rewrite(event, text -> decrypt(text, key.orElse(null), subject.orElse("")));
        }
        return delegate.deserialize(new SimpleSerializedObject<>(tree, JsonNode.class, serializedObject.getType()));
    }

    /**
     * An event's metadata (its actor, correlation and trace ids) read as a map by a reader made once: Axon's own
     * deserializer looks its map deserializer up again for every event, an eighth of a history's CPU.
     */
    private MetaData metaData(SerializedObject<?> serialized) {
        byte[] bytes = delegate.getConverter().convert(serialized, byte[].class).getData();
        try {
            return MetaData.from(metaDataReader.readValue(bytes));
        } catch (IOException e) {
            throw new SerializationException("unreadable metadata of an event", e);
        }
    }

    private String encrypt(String text, SecretKey key, String subject) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RandomIdentifiers.random().nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            cipher.updateAAD(subject.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(text.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt personal data", e);
        }
    }

    /** Text written before encryption existed passes as it is; without the key (erased) it reads as erased. */
    private static String decrypt(String text, SecretKey key, String subject) {
        if (!text.startsWith(PREFIX)) {
            return text;
        }
        if (key == null) {
            return Masking.ERASED;
        }
        try {
            byte[] in = Base64.getDecoder().decode(text.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, IV_BYTES));
            cipher.updateAAD(subject.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // sealed with a key that is gone: the subject's data was erased and a new key drawn since
            return Masking.ERASED;
        }
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }
}
