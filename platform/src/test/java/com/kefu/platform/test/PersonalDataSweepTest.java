package com.kefu.platform.test;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service's S5 sweep ({@link PersonalDataSweep}), the part every service shares: the service's log written at DEBUG
 * and captured, the seeding requests, and a sweep already pointed at the service, its clock's time and its log. The
 * service's own test seeds its records, names its personal data, its records, its contact reads and its topic.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {"logging.level.com.kefu=DEBUG", "logging.level.org.axonframework=DEBUG"})
public abstract class PersonalDataSweepTest extends ServiceTest {

    @Autowired
    protected ApplicationContext context;

    @Autowired
    protected MutableClock clock;

    private CapturedOutput output;

    @BeforeEach
    protected void captureTheLog(CapturedOutput output) {
        this.output = output;
    }

    /** Sends a request that seeds data; it must succeed. Answers its JSON. */
    protected JsonNode seed(String token, String method, String path, Object body) {
        var answer = api().method(HttpMethod.valueOf(method)).uri(path).header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
        assertThat(answer.getStatusCode().is2xxSuccessful()).as(method + " " + path + " " + answer.getBody()).isTrue();
        return answer.getBody();
    }

    /** Seeds with a POST; answers the id of the record it made. */
    protected String post(String token, String path, Object body) {
        return seed(token, "POST", path, body).path("id").asText();
    }

    /** Today in the mall. */
    protected LocalDate today() {
        return LocalDate.now(clock.withZone(MutableClock.MALL));
    }

    /** The sweep of this service: its times a minute after the clock's now and today, its log this test's. */
    protected PersonalDataSweep sweep() {
        return PersonalDataSweep.of(context, port).at(clock.instant().plusSeconds(60), today())
                .logs(output::getAll);
    }
}
