package com.kefu.broadcast.speech;

import com.kefu.broadcast.api.Language;
import com.kefu.broadcast.config.BroadcastProperties;
import org.springframework.stereotype.Component;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Reads a text out as audio (WAV) with espeak-ng, in a Mandarin or a Russian voice. espeak-ng is looked for at each
 * call, so installing it needs no restart; where it is missing, {@link #installed()} says so and nothing fails.
 */
@Component
public class SpeechSynthesis {

    private final BroadcastProperties properties;

    public SpeechSynthesis(BroadcastProperties properties) {
        this.properties = properties;
    }

    /** espeak-ng's path, when it is installed. */
    public Optional<Path> installed() {
        String program = properties.espeak();
        if (program.contains(File.separator)) {
            Path path = Path.of(program);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        String searchPath = System.getenv("PATH");
        if (searchPath == null) {
            return Optional.empty();
        }
        for (String directory : searchPath.split(File.pathSeparator)) {
            Path path = Path.of(directory, program);
            if (Files.isExecutable(path)) {
                return Optional.of(path);
            }
        }
        return Optional.empty();
    }

    /** The text read out in the language's voice, as a WAV file's bytes. */
    public byte[] render(String text, Language language) {
        Path program = installed().orElseThrow(() -> new SpeechUnavailable(
                properties.espeak() + " is not installed on this host"));
        Path wav = null;
        try {
            wav = Files.createTempFile("script-", ".wav");
            Process process = new ProcessBuilder(program.toString(), "-v", voice(language), "-w", wav.toString(),
                    "--stdin")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            try (OutputStream in = process.getOutputStream()) {
                in.write(text.getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(properties.speechTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new SpeechUnavailable("espeak-ng took longer than " + properties.speechTimeout());
            }
            if (process.exitValue() != 0 || Files.size(wav) == 0) {
                throw new SpeechUnavailable("espeak-ng failed (exit " + process.exitValue() + ")");
            }
            return Files.readAllBytes(wav);
        } catch (IOException e) {
            throw new SpeechUnavailable("espeak-ng could not be run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpeechUnavailable("interrupted while espeak-ng was speaking");
        } finally {
            if (wav != null) {
                wav.toFile().delete();
            }
        }
    }

    private static String voice(Language language) {
        return switch (language) {
            case ZH -> "cmn";
            case RU -> "ru";
        };
    }

    /** Audio cannot be rendered here: answered with 503, the rest of the service unaffected. */
    public static class SpeechUnavailable extends RuntimeException {
        public SpeechUnavailable(String message) {
            super(message);
        }
    }
}
