package com.kefu.broadcast.access;

import com.kefu.platform.test.Fuzz;
import com.kefu.platform.test.RoleMatrix;
import com.kefu.platform.test.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.util.Map;
import java.util.Set;

/** S4 over the whole API of broadcast-service: role rules, forged tokens, malformed requests. */
class S4AccessTest extends ServiceTest {

    /**
     * The endpoints that matter most, with the roles REQUIREMENTS.md's roles table gives them: BROADCASTER writes
     * scripts, keeps the plan, logs what aired and the equipment; SUPERVISOR approves or rejects scripts (B3), and
     * either may withdraw one.
     */
    private static final Map<String, Set<String>> ROLES_TABLE = Map.ofEntries(
            Map.entry("POST /api/scripts", Set.of("BROADCASTER")),
            Map.entry("PUT /api/scripts/{id}", Set.of("BROADCASTER")),
            Map.entry("POST /api/scripts/{id}/submit", Set.of("BROADCASTER")),
            Map.entry("POST /api/scripts/{id}/approve", Set.of("SUPERVISOR")),
            Map.entry("POST /api/scripts/{id}/reject", Set.of("SUPERVISOR")),
            Map.entry("POST /api/scripts/{id}/withdraw", Set.of("BROADCASTER", "SUPERVISOR")),
            Map.entry("POST /api/airings", Set.of("BROADCASTER")),
            Map.entry("POST /api/emergencies", Set.of("BROADCASTER")),
            Map.entry("POST /api/plans/{date}/slots", Set.of("BROADCASTER")),
            Map.entry("POST /api/equipment/{id}/maintenance", Set.of("BROADCASTER")));

    @Autowired
    private ApplicationContext context;

    private RoleMatrix matrix;

    @BeforeEach
    void endpoints() {
        matrix = RoleMatrix.of(context, port);
    }

    @Test
    @DisplayName("S4 every endpoint of broadcast-service carries an explicit role rule")
    void everyEndpointHasARule() {
        matrix.assertEveryEndpointHasARule();
    }

    @Test
    @DisplayName("S4 the rules of broadcast-service's key endpoints are those of REQUIREMENTS.md's roles table")
    void keyEndpointsFollowTheRolesTable() {
        matrix.assertRules(ROLES_TABLE);
    }

    @Test
    @DisplayName("S4 every endpoint of broadcast-service answers only the roles of its rule")
    void everyRoleGetsOnlyWhatItsRuleAllows() {
        matrix.assertEveryRoleGetsOnlyWhatItsRuleAllows();
    }

    @Test
    @DisplayName("S4 P5 P6 every endpoint of broadcast-service answers 401 without a token and with an expired, "
            + "tampered, wrongly signed or unsigned one, one of another issuer or audience, or one naming no key")
    void forgedTokensAreRefused() {
        matrix.assertForgedTokensAreRefused();
    }

    @Test
    @DisplayName("S4 1,200 malformed requests across broadcast-service's API are all answered 4xx, none with a "
            + "stack trace or a class name")
    void malformedRequestsAre4xx() {
        Fuzz.assertEveryAnswerIs4xx(context, port, 1_200);
    }
}
