package com.kefu.platform.signing;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A file handed out with its detached signature (A5), as one ZIP archive of two entries: the file and its signature
 * ({@code export.jsonl} and {@code export.sig}). The file is written through to the archive while the signature takes
 * its bytes, so a file of any length passes in constant memory and the signature covers exactly the bytes the archive
 * holds. Unpacked, it is checked with openssl alone:
 * {@code openssl dgst -sha256 -verify public-key.pem -signature export.sig export.jsonl}.
 */
public final class SignedFiles {

    public static final String MEDIA_TYPE = "application/zip";
    public static final String PEM_MEDIA_TYPE = "application/x-pem-file";

    private SignedFiles() {
    }

    /** What writes the file's content; the stream given must not be closed. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes the archive of {@code name} and its signature to {@code target}, its entries dated {@code at}. */
    public static void write(OutputStream target, SigningKey key, String name, Instant at, Content content)
            throws IOException {
        ZipOutputStream zip = new ZipOutputStream(target, StandardCharsets.UTF_8);
        zip.putNextEntry(entry(name, at));
        SigningKey.Signer signer = key.signer();
        OutputStream signed = new FilterOutputStream(zip) {
            @Override
            public void write(int b) throws IOException {
                write(new byte[]{(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                signer.update(bytes, offset, length);
                zip.write(bytes, offset, length);
            }

            @Override
            public void close() {
                // the archive goes on: its next entry is the signature
            }
        };
        content.writeTo(signed);
        signed.flush();
        zip.closeEntry();
        zip.putNextEntry(entry(signatureOf(name), at));
        zip.write(signer.sign());
        zip.closeEntry();
        zip.finish();
        zip.flush();
    }

    /** The key's public half as an answer: PEM, to save as {@code public-key.pem}. */
    public static ResponseEntity<String> publicKey(SigningKey key) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(PEM_MEDIA_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("public-key.pem").build().toString())
                .body(key.publicKeyPem());
    }

    /** The signature's name beside the file's: {@code export.jsonl} → {@code export.sig}. */
    public static String signatureOf(String name) {
        return name.replaceFirst("\\.[^.]*$", "") + ".sig";
    }

    private static ZipEntry entry(String name, Instant at) {
        ZipEntry entry = new ZipEntry(name);
        entry.setLastModifiedTime(FileTime.from(at));
        return entry;
    }
}
