package com.kefu.platform.test;

import com.kefu.platform.signing.SignedFiles;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A signed file as a service hands it out (A5: a ZIP of {@code export.jsonl} and {@code export.sig}), unpacked into a folder of
 * its own beside the public key, and checked there with the command README "Signed exports" gives, openssl alone.
 */
public final class SignedArchive {

    private final Path folder;
    private final List<String> names;

    private SignedArchive(Path folder, List<String> names) {
        this.folder = folder;
        this.names = names;
    }

    /** Unpacks {@code zip} and writes {@code publicKeyPem} beside it as {@code public-key.pem}. */
    public static SignedArchive unpack(byte[] zip, String publicKeyPem) {
        try {
            Path folder = Files.createTempDirectory("kefu-signed-");
            List<String> names = new ArrayList<>();
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
                for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    Path file = folder.resolve(entry.getName()).normalize();
                    if (!file.getParent().equals(folder)) {
                        throw new IllegalStateException("an entry outside the archive's folder: " + entry.getName());
                    }
                    Files.write(file, in.readAllBytes());
                    names.add(entry.getName());
                }
            }
            Files.writeString(folder.resolve("public-key.pem"), publicKeyPem, StandardCharsets.US_ASCII);
            return new SignedArchive(folder, List.copyOf(names));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The entries' names in the archive's order. */
    public List<String> names() {
        return names;
    }

    public Path file(String name) {
        return folder.resolve(name);
    }

    public String text(String name) {
        try {
            return Files.readString(file(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What openssl answered, and its exit status. */
    public record Check(int exitCode, String output) {

        public boolean verified() {
            return exitCode == 0 && output.contains("Verified OK");
        }
    }

    /** {@code openssl dgst -sha256 -verify public-key.pem -signature export.sig export.jsonl}, run in the archive's folder. */
    public Check verify(String name) {
        return run("openssl", "dgst", "-sha256", "-verify", "public-key.pem", "-signature",
                SignedFiles.signatureOf(name), name);
    }

    /** Changes one byte of {@code name} (its {@code at}-th), as someone editing the file would. */
    public void tamper(String name, int at) {
        try {
            byte[] bytes = Files.readAllBytes(file(name));
            bytes[at] = (byte) (bytes[at] == '1' ? '2' : '1');
            Files.write(file(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Check run(String... command) {
        try {
            Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not end");
            }
            return new Check(process.exitValue(), output.trim());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command[0] + " (is openssl installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
