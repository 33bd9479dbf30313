package com.kefu.audit.access;

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

/** S4 over the whole API of audit-service: role rules, forged tokens, malformed requests. */
class S4AccessTest extends ServiceTest {

    /** The trail of every service's events is the auditors' (and the administrator's), as the verify of each store. */
    private static final Map<String, Set<String>> ROLES_TABLE = Map.of(
            "GET /api/audit/trail", Set.of("AUDITOR", "ADMIN"));

    @Autowired
    private ApplicationContext context;

    private RoleMatrix matrix;

    @BeforeEach
    void endpoints() {
        matrix = RoleMatrix.of(context, port);
    }

    @Test
    @DisplayName("S4 every endpoint of audit-service carries an explicit role rule")
    void everyEndpointHasARule() {
        matrix.assertEveryEndpointHasARule();
    }

    @Test
    @DisplayName("S4 A2 the rules of audit-service's endpoints are those of REQUIREMENTS.md's roles table")
    void keyEndpointsFollowTheRolesTable() {
        matrix.assertRules(ROLES_TABLE);
    }

    @Test
    @DisplayName("S4 every endpoint of audit-service answers only the roles of its rule")
    void everyRoleGetsOnlyWhatItsRuleAllows() {
        matrix.assertEveryRoleGetsOnlyWhatItsRuleAllows();
    }

    @Test
    @DisplayName("S4 every endpoint of audit-service answers 401 without a token and with an expired, tampered, "
            + "wrongly signed or unsigned one")
    void forgedTokensAreRefused() {
        matrix.assertForgedTokensAreRefused();
    }

    @Test
    @DisplayName("S4 300 malformed requests across audit-service's API are all answered 4xx, none with a stack trace "
            + "or a class name")
    void malformedRequestsAre4xx() {
        Fuzz.assertEveryAnswerIs4xx(context, port, 300);
    }
}
