package com.kefu.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What Tomcat answers by itself, before any filter or controller sees the request (a request line, path or header
 * it cannot parse: {@code %zz}, {@code |} or a brace in the path), is a problem detail like every other error, not
 * Tomcat's HTML page: the host's error report valve is replaced by one that writes problem details. It never repeats
 * what was sent, nor names the server or an exception.
 */
final class TomcatProblems extends ErrorReportValve {

    private final ObjectMapper json;

    private TomcatProblems(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Replaces the host's error report valves (the one Spring Boot adds from its own context customizer, in whatever
     * order the customizers run) with this one just before the host starts, and names its class as the host's, or
     * the host would add Tomcat's default again when it starts.
     */
    static void install(Container host, ObjectMapper json) {
        host.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.getPipeline().addValve(new TomcatProblems(json));
                if (host instanceof StandardHost standard) {
                    standard.setErrorReportValveClass(TomcatProblems.class.getName());
                }
            }
        });
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json.writeValueAsString(problem(HttpStatusCode.valueOf(status))));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response already committed: nothing more to tell it
        }
    }

    private static ProblemDetail problem(HttpStatusCode status) {
        if (status.value() == HttpStatus.BAD_REQUEST.value()) {
            return Problems.of(status, "invalid-request", "the request line, path or headers are not valid HTTP");
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        return Problems.of(status, "http-" + status.value(), known == null ? "" : known.getReasonPhrase());
    }
}
