package com.kefu.platform.test;

import org.springframework.web.client.RestClient;

/** A client of the service under test that hands every answer back, 4xx and 5xx included, for the test to check. */
public final class Api {

    private Api() {
    }

    public static RestClient client(int port) {
        return RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }
}
