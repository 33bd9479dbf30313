package com.kefu.membership.web;

import com.kefu.platform.test.ApiDocs;
import com.kefu.platform.test.ServiceTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Set;

/** API1: membership-service's OpenAPI document, as an integrator reads it at the gateway's Swagger UI. */
class ApiDocsTest extends ServiceTest {

    @Test
    @DisplayName("API1 every operation of membership-service's OpenAPI document has a summary, requires the bearer token "
            + "and documents the problem details it may answer with")
    void api1EveryOperationIsDocumented() {
        ApiDocs.assertEveryOperationIsDocumented(port, Set.of());
    }
}
