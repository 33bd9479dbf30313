package com.kefu.complaint.access;

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

/** S4 over the whole API of complaint-service: role rules, forged tokens, malformed requests. */
class S4AccessTest extends ServiceTest {

    private static final Set<String> DESK = Set.of("FRONT_DESK", "AFTER_SALES", "CS_HEAD", "CS_MANAGER");
    private static final Set<String> HANDLERS = Set.of("AFTER_SALES", "CS_HEAD");
    private static final Set<String> ENQUIRY_READERS = Set.of("FRONT_DESK", "AFTER_SALES", "CS_HEAD", "CS_MANAGER",
            "SUPERVISOR", "AUDITOR");
    private static final Set<String> COMPLAINT_READERS = Set.of("FRONT_DESK", "AFTER_SALES", "CS_HEAD", "CS_MANAGER",
            "SUPERVISOR", "AUDITOR", "DEPARTMENT");

    /**
     * The endpoints that matter most, with the roles REQUIREMENTS.md's roles table gives them. AFTER_SALES and
     * CS_MANAGER may everything FRONT_DESK may (register complaints); AFTER_SALES and CS_HEAD handle complaints end
     * to end; only the DEPARTMENT a complaint is assigned to acts on it; AUDITOR reads every history and changes
     * nothing; CS_HEAD gives the final ruling; SUPERVISOR receives escalations (and so reads their history: major
     * complaints go to the supervisor to handle, 第四章(三), C3, and missed deadlines, events of that history, are
     * for the supervisor to see, C10) and the reports; ADMIN keeps departments and settings.
     */
    private static final Map<String, Set<String>> ROLES_TABLE = Map.ofEntries(
            Map.entry("POST /api/complaints", DESK),
            Map.entry("POST /api/complaints/{id}/escalate", HANDLERS),
            Map.entry("POST /api/complaints/{id}/assign", HANDLERS),
            Map.entry("POST /api/complaints/{id}/acknowledge", Set.of("DEPARTMENT")),
            Map.entry("POST /api/complaints/{id}/resolve", Set.of("DEPARTMENT")),
            Map.entry("POST /api/complaints/{id}/follow-up", HANDLERS),
            Map.entry("POST /api/complaints/{id}/ruling", Set.of("CS_HEAD")),
            Map.entry("POST /api/complaints/{id}/archive", HANDLERS),
            Map.entry("GET /api/complaints/{id}/history", Set.of("AFTER_SALES", "CS_HEAD", "SUPERVISOR", "AUDITOR")),
            // AFTER_SALES: statistics; CS_HEAD: reports; SUPERVISOR receives them; AUDITOR reads. Not CS_MANAGER:
            // the roles table and the rulebook (客服经理 signs the duty log, 篇3 D) give it no statistics.
            Map.entry("GET /api/reports/complaints", Set.of("AFTER_SALES", "CS_HEAD", "SUPERVISOR", "AUDITOR")),
            Map.entry("POST /api/reports/complaints/proposals", Set.of("AFTER_SALES", "CS_HEAD", "SUPERVISOR")),
            // S1: the customer's contact in clear only for those who call back; S2: the reads only for the auditor
            Map.entry("GET /api/complaints/{id}/contact", HANDLERS),
            Map.entry("GET /api/complaints/contact-reads", Set.of("AUDITOR")),
            // PD2: an enquiry's customer, to call back with the answer, and a tenant-contact's enquirer, to pass on
            // to the tenant: the desk's, who answer enquiries (前台 6) and take the requests (篇5 4)
            Map.entry("GET /api/enquiries/{id}/contact", DESK),
            Map.entry("GET /api/enquiries/tenant-contacts/{id}/contact", DESK),
            // S3: erasure on the customer's request, by the head of customer service or the administrator
            Map.entry("POST /api/complaints/{id}/erasure", Set.of("CS_HEAD", "ADMIN")),
            Map.entry("PUT /api/departments/{id}", Set.of("ADMIN")),
            // C14: the supervisor takes up escalations and gives instructions; the head reads the inbox too
            Map.entry("POST /api/complaints/{id}/supervisor/acknowledgement", Set.of("SUPERVISOR")),
            Map.entry("POST /api/complaints/{id}/supervisor/instructions", Set.of("SUPERVISOR")),
            Map.entry("GET /api/complaints/escalations", Set.of("SUPERVISOR", "CS_HEAD")),
            // C16: a complaint's files are read by whoever reads the complaint (a department its own only); added by
            // those who register it and handle it, and by the department holding it; an enquiry's as the enquiry
            Map.entry("POST /api/complaints/{id}/attachments", Set.of("FRONT_DESK", "AFTER_SALES", "CS_HEAD",
                    "CS_MANAGER", "DEPARTMENT")),
            Map.entry("GET /api/complaints/{id}/attachments", COMPLAINT_READERS),
            Map.entry("GET /api/complaints/{id}/attachments/{attachmentId}", COMPLAINT_READERS),
            Map.entry("POST /api/enquiries/{id}/attachments", DESK),
            Map.entry("GET /api/enquiries/{id}/attachments", ENQUIRY_READERS),
            Map.entry("GET /api/enquiries/{id}/attachments/{attachmentId}", ENQUIRY_READERS),
            // issue 19: the search answers those who read the complaint list (an enquiry search: the enquiry list's)
            Map.entry("GET /api/search", COMPLAINT_READERS));

    @Autowired
    private ApplicationContext context;

    private RoleMatrix matrix;

    @BeforeEach
    void endpoints() {
        matrix = RoleMatrix.of(context, port);
    }

    @Test
    @DisplayName("S4 every endpoint of complaint-service carries an explicit role rule")
    void everyEndpointHasARule() {
        matrix.assertEveryEndpointHasARule();
    }

    @Test
    @DisplayName("S4 the rules of complaint-service's key endpoints are those of REQUIREMENTS.md's roles table")
    void keyEndpointsFollowTheRolesTable() {
        matrix.assertRules(ROLES_TABLE);
    }

    @Test
    @DisplayName("S4 every endpoint of complaint-service answers only the roles of its rule")
    void everyRoleGetsOnlyWhatItsRuleAllows() {
        matrix.assertEveryRoleGetsOnlyWhatItsRuleAllows();
    }

    @Test
    @DisplayName("S4 P5 P6 every endpoint of complaint-service answers 401 without a token and with an expired, "
            + "tampered, wrongly signed or unsigned one, one of another issuer or audience, or one naming no key")
    void forgedTokensAreRefused() {
        matrix.assertForgedTokensAreRefused();
    }

    @Test
    @DisplayName("S4 1,200 malformed requests across complaint-service's API are all answered 4xx, none with a "
            + "stack trace or a class name")
    void malformedRequestsAre4xx() {
        Fuzz.assertEveryAnswerIs4xx(context, port, 1_200);
    }
}
