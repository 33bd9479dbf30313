package com.kefu.membership.access;

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

/** S4 over the whole API of membership-service: role rules, forged tokens, malformed requests. */
class S4AccessTest extends ServiceTest {

    private static final Set<String> MEMBERS = Set.of("AFTER_SALES", "CS_HEAD");

    /**
     * The endpoints that matter most, with the roles REQUIREMENTS.md's roles table gives them: AFTER_SALES (and
     * CS_HEAD, who may all it may) keeps members, their tiers and points, and the gift campaigns; CS_HEAD or ADMIN
     * erase a person's data on request (S3); only AUDITOR lists the reads of personal data (S2). Gifts are handed
     * out by AFTER_SALES and CS_HEAD only: the rulebook gives the hand-outs to the head (第三章一 5) and the promotions
     * to after-sales (第三章四 6), none to the front desk (第三章二).
     */
    private static final Map<String, Set<String>> ROLES_TABLE = Map.ofEntries(
            Map.entry("POST /api/members", MEMBERS),
            Map.entry("POST /api/members/{id}/tier", MEMBERS),
            Map.entry("POST /api/members/{id}/points", MEMBERS),
            Map.entry("POST /api/members/{id}/cancel", MEMBERS),
            Map.entry("GET /api/members/{id}/contact", MEMBERS),
            Map.entry("GET /api/members/contact-reads", Set.of("AUDITOR")),
            Map.entry("POST /api/members/{id}/erasure", Set.of("CS_HEAD", "ADMIN")),
            Map.entry("POST /api/campaigns", MEMBERS),
            Map.entry("POST /api/campaigns/{id}/handouts", MEMBERS),
            Map.entry("PUT /api/tiers/{tier}", Set.of("ADMIN")),
            // issue 19: members are searched by those who read the member list
            Map.entry("GET /api/search", Set.of("FRONT_DESK", "AFTER_SALES", "CS_HEAD", "CS_MANAGER", "AUDITOR")));

    @Autowired
    private ApplicationContext context;

    private RoleMatrix matrix;

    @BeforeEach
    void endpoints() {
        matrix = RoleMatrix.of(context, port);
    }

    @Test
    @DisplayName("S4 every endpoint of membership-service carries an explicit role rule")
    void everyEndpointHasARule() {
        matrix.assertEveryEndpointHasARule();
    }

    @Test
    @DisplayName("S4 the rules of membership-service's key endpoints are those of REQUIREMENTS.md's roles table")
    void keyEndpointsFollowTheRolesTable() {
        matrix.assertRules(ROLES_TABLE);
    }

    @Test
    @DisplayName("S4 every endpoint of membership-service answers only the roles of its rule")
    void everyRoleGetsOnlyWhatItsRuleAllows() {
        matrix.assertEveryRoleGetsOnlyWhatItsRuleAllows();
    }

    @Test
    @DisplayName("S4 P5 P6 every endpoint of membership-service answers 401 without a token and with an expired, "
            + "tampered, wrongly signed or unsigned one, one of another issuer or audience, or one naming no key")
    void forgedTokensAreRefused() {
        matrix.assertForgedTokensAreRefused();
    }

    @Test
    @DisplayName("S4 1,200 malformed requests across membership-service's API are all answered 4xx, none with a "
            + "stack trace or a class name")
    void malformedRequestsAre4xx() {
        Fuzz.assertEveryAnswerIs4xx(context, port, 1_200);
    }
}
