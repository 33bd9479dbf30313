package com.kefu.complaint.attachments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kefu.complaint.Complaints;
import com.kefu.complaint.api.ComplaintTopics;
import com.kefu.platform.test.ServiceTest;
import com.kefu.platform.test.Tokens;
import com.kefu.platform.test.Topics;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * C16: letters, faxes, receipts and photos on complaints and enquiries — JPEG, PNG and PDF told by their bytes, size
 * limits, the SHA-256 kept, read under the complaint's own access rules (S4), refused once archived (C8, C12), erased
 * with the customer's data (S3).
 */
class AttachmentApiTest extends ServiceTest {

    private static final String DESK = Tokens.bearer("desk", "FRONT_DESK");
    private static final String AFTER_SALES = Tokens.bearer("aftersales", "AFTER_SALES");
    private static final String HEAD = Tokens.bearer("head", "CS_HEAD");
    private static final String AUDITOR = Tokens.bearer("auditor", "AUDITOR");
    private static final String SUPERVISOR = Tokens.bearer("supervisor", "SUPERVISOR");
    private static final String SECURITY = Tokens.departmentBearer("guard", "security");
    private static final String ENGINEERING = Tokens.departmentBearer("engineer", "engineering");

    /** The smallest PNG there is: a 1×1 pixel. */
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I',
        'F', 0, (byte) 0xFF, (byte) 0xD9};
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    private String complaint() {
        return expect(call(HttpMethod.POST, DESK, "/api/complaints", Complaints.phoneCall("附件")), 201).get("id")
                .asText();
    }

    private ResponseEntity<JsonNode> upload(String token, String path, String fileName, String declared, byte[] bytes) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }).contentType(MediaType.parseMediaType(declared));
        return api().post().uri(path).header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts.build()).retrieve().toEntity(JsonNode.class);
    }

    private ResponseEntity<byte[]> download(String token, String path) {
        return api().get().uri(path).header(HttpHeaders.AUTHORIZATION, token).retrieve().toEntity(byte[].class);
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    @DisplayName("C16 a PNG attached to a complaint answers 201 with its id, the SHA-256 computed by the service, its "
            + "type and size; listed at once; downloaded as the same bytes, to be saved, never sniffed; in the history "
            + "and on complaint.events without bytes or file name")
    void attachListDownload() throws Exception {
        String c = "/api/complaints/" + complaint();
        JsonNode added = expect(upload(DESK, c + "/attachments", "王芳_发票.png", "image/png", PNG), 201);
        assertThat(added.get("sha256").asText()).isEqualTo(sha256(PNG));
        assertThat(added.get("contentType").asText()).isEqualTo("image/png");
        assertThat(added.get("size").asLong()).isEqualTo(PNG.length);
        String id = added.get("id").asText();

        // read-your-writes: the list right after the 201
        JsonNode list = expect(call(HttpMethod.GET, DESK, c + "/attachments", null), 200);
        assertThat(list).hasSize(1);
        JsonNode listed = list.get(0);
        assertThat(listed.get("id").asText()).isEqualTo(id);
        assertThat(listed.get("fileName").asText()).isEqualTo("王芳_发票.png");
        assertThat(listed.get("contentType").asText()).isEqualTo("image/png");
        assertThat(listed.get("size").asLong()).isEqualTo(PNG.length);
        assertThat(listed.get("sha256").asText()).isEqualTo(sha256(PNG));
        assertThat(listed.get("uploadedBy").asText()).isEqualTo("desk");
        assertThat(listed.get("uploadedAt").asText()).isNotBlank();
        assertThat(listed.get("erased").asBoolean()).isFalse();

        ResponseEntity<byte[]> file = download(DESK, c + "/attachments/" + id);
        assertThat(file.getStatusCode().value()).isEqualTo(200);
        assertThat(file.getBody()).isEqualTo(PNG);
        assertThat(file.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
        assertThat(file.getHeaders().getContentDisposition().getType()).isEqualTo("attachment");
        assertThat(file.getHeaders().getContentDisposition().getFilename()).isEqualTo("王芳_发票.png");
        assertThat(file.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");

        JsonNode history = expect(call(HttpMethod.GET, AUDITOR, c + "/history", null), 200);
        JsonNode event = history.get(history.size() - 1);
        assertThat(event.get("type").asText()).isEqualTo("ComplaintAttachmentAdded");
        assertThat(event.get("actor").asText()).isEqualTo("desk");
        assertThat(event.get("data").get("attachmentId").asText()).isEqualTo(id);
        assertThat(event.get("data").get("sha256").asText()).isEqualTo(sha256(PNG));
        assertThat(event.toString()).doesNotContain("发票");

        String complaintId = c.substring(c.lastIndexOf('/') + 1);
        JsonNode published = await().atMost(Duration.ofSeconds(60)).until(() -> Topics.awaitRecords(
                        ComplaintTopics.EVENTS, complaintId).stream().map(r -> read(r.value()))
                .filter(e -> e.get("type").asText().equals("ComplaintAttachmentAdded")).findFirst().orElse(null),
                java.util.Objects::nonNull);
        assertThat(published.get("data").get("attachmentId").asText()).isEqualTo(id);
        assertThat(published.toString()).doesNotContain("发票");
        // the bytes live in the service's own table, not in the event store
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where length(payload) > 10000",
                Long.class)).isZero();
    }

    private JsonNode read(byte[] value) {
        try {
            return json.readTree(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @DisplayName("C16 the type is told by the bytes: a PNG named .pdf and declared PDF is a PNG, JPEG and PDF are "
            + "taken, a text named .png and declared PNG is 415 naming the types taken")
    void typeByContent() throws Exception {
        String c = "/api/complaints/" + complaint();
        assertThat(expect(upload(DESK, c + "/attachments", "scan.pdf", "application/pdf", PNG), 201)
                .get("contentType").asText()).isEqualTo("image/png");
        assertThat(expect(upload(DESK, c + "/attachments", "photo.bin", "application/octet-stream", JPEG), 201)
                .get("contentType").asText()).isEqualTo("image/jpeg");
        JsonNode pdf = expect(upload(DESK, c + "/attachments", "信函.pdf", "application/pdf", PDF), 201);
        assertThat(pdf.get("contentType").asText()).isEqualTo("application/pdf");
        assertThat(download(DESK, c + "/attachments/" + pdf.get("id").asText()).getHeaders().getContentType())
                .isEqualTo(MediaType.APPLICATION_PDF);

        JsonNode refused = expect(upload(DESK, c + "/attachments", "photo.png", "image/png",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)), 415);
        assertThat(refused.get("type").asText()).endsWith("unsupported-attachment");
        assertThat(refused.get("detail").asText()).contains("image/jpeg", "image/png", "application/pdf");
        assertThat(refused.get("accepted")).hasSize(3);
        assertThat(expect(call(HttpMethod.GET, DESK, c + "/attachments", null), 200)).hasSize(3);
    }

    @Test
    @DisplayName("C16 an empty file or a missing part is 400 naming file; a file above 10 MB is 413; one of 10 MB "
            + "exactly is taken")
    void sizes() {
        String c = "/api/complaints/" + complaint();
        JsonNode empty = expect(upload(DESK, c + "/attachments", "empty.png", "image/png", new byte[0]), 400);
        assertThat(empty.get("detail").asText()).contains("file");

        MultipartBodyBuilder other = new MultipartBodyBuilder();
        other.part("photo", new ByteArrayResource(PNG) {
            @Override
            public String getFilename() {
                return "p.png";
            }
        });
        JsonNode missing = expect(api().post().uri(c + "/attachments").header(HttpHeaders.AUTHORIZATION, DESK)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(other.build()).retrieve().toEntity(JsonNode.class),
                400);
        assertThat(missing.get("detail").asText()).contains("file");

        byte[] limit = new byte[10 * 1024 * 1024];
        System.arraycopy(PNG, 0, limit, 0, PNG.length);
        assertThat(expect(upload(DESK, c + "/attachments", "big.png", "image/png", limit), 201).get("size").asLong())
                .isEqualTo(limit.length);
        byte[] above = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(PNG, 0, above, 0, PNG.length);
        JsonNode tooLarge = expect(upload(DESK, c + "/attachments", "bigger.png", "image/png", above), 413);
        assertThat(tooLarge.get("type").asText()).endsWith("request-too-large");
        assertThat(tooLarge.get("detail").asText()).contains("10 MB");
        assertThat(expect(call(HttpMethod.GET, DESK, c + "/attachments", null), 200)).hasSize(1);
    }

    @Test
    @DisplayName("C16 S4 whoever reads the complaint reads its attachments: a department only its own complaint's (to "
            + "it another's do not exist), which it may add to; the auditor and the supervisor read, never add")
    void accessAsTheComplaint() {
        String id = complaint();
        String c = "/api/complaints/" + id;
        String file = expect(upload(DESK, c + "/attachments", "a.png", "image/png", PNG), 201).get("id").asText();
        String one = c + "/attachments/" + file;

        // not yet assigned: no department sees it
        expect(call(HttpMethod.GET, SECURITY, c + "/attachments", null), 404);
        expect(call(HttpMethod.POST, AFTER_SALES, c + "/assign", Map.of("department", "security")), 200);

        assertThat(expect(call(HttpMethod.GET, SECURITY, c + "/attachments", null), 200)).hasSize(1);
        assertThat(download(SECURITY, one).getBody()).isEqualTo(PNG);
        assertThat(expect(upload(SECURITY, c + "/attachments", "现场.jpg", "image/jpeg", JPEG), 201)
                .get("contentType").asText()).isEqualTo("image/jpeg");

        expect(call(HttpMethod.GET, ENGINEERING, c + "/attachments", null), 404);
        assertThat(download(ENGINEERING, one).getStatusCode().value()).isEqualTo(404);
        expect(upload(ENGINEERING, c + "/attachments", "x.png", "image/png", PNG), 404);

        for (String reader : List.of(AUDITOR, SUPERVISOR, HEAD, AFTER_SALES, Tokens.bearer("manager", "CS_MANAGER"))) {
            assertThat(expect(call(HttpMethod.GET, reader, c + "/attachments", null), 200)).hasSize(2);
            assertThat(download(reader, one).getStatusCode().value()).isEqualTo(200);
        }
        expect(upload(AUDITOR, c + "/attachments", "x.png", "image/png", PNG), 403);
        expect(upload(SUPERVISOR, c + "/attachments", "x.png", "image/png", PNG), 403);
        expect(call(HttpMethod.GET, Tokens.bearer("broadcaster", "BROADCASTER"), c + "/attachments", null), 403);

        // an attachment is found only under its own complaint
        String other = "/api/complaints/" + complaint();
        assertThat(download(DESK, other + "/attachments/" + file).getStatusCode().value()).isEqualTo(404);
        expect(call(HttpMethod.GET, DESK, "/api/complaints/" + java.util.UUID.randomUUID() + "/attachments", null),
                404);
    }

    @Test
    @DisplayName("C8 C16 an archived complaint takes no attachment: 409 naming the rule; its files stay readable and "
            + "its handling form lists them")
    void archivedComplaint() {
        String c = "/api/complaints/" + complaint();
        String file = expect(upload(DESK, c + "/attachments", "收据.png", "image/png", PNG), 201).get("id").asText();
        expect(call(HttpMethod.POST, AFTER_SALES, c + "/assign", Map.of("department", "security")), 200);
        expect(call(HttpMethod.POST, SECURITY, c + "/acknowledge", Map.of()), 200);
        expect(call(HttpMethod.POST, SECURITY, c + "/resolve", Map.of("result", "已退款")), 200);
        expect(call(HttpMethod.POST, AFTER_SALES, c + "/follow-up",
                Map.of("reached", true, "satisfaction", 5, "comment", "满意")), 200);
        expect(call(HttpMethod.POST, AFTER_SALES, c + "/archive", null), 200);

        JsonNode refused = expect(upload(DESK, c + "/attachments", "late.png", "image/png", PNG), 409);
        assertThat(refused.get("rule").asText()).isEqualTo("complaint-archived");
        assertThat(refused.get("detail").asText()).contains("archived");
        assertThat(download(AUDITOR, c + "/attachments/" + file).getBody()).isEqualTo(PNG);

        JsonNode form = expect(call(HttpMethod.GET, AUDITOR, c + "/form", null), 200);
        assertThat(form.get("attachments")).hasSize(1);
        assertThat(form.get("attachments").get(0).get("fileName").asText()).isEqualTo("收据.png");
        String printed = api().get().uri(c + "/form").header(HttpHeaders.AUTHORIZATION, AUDITOR)
                .accept(MediaType.TEXT_HTML).retrieve().body(String.class);
        assertThat(printed).contains("收据.png", "image/png", form.get("attachments").get(0).get("sha256").asText(),
                "附件", "Вложения");
    }

    @Test
    @DisplayName("C16 S3 erasing the customer's data erases the bytes and names of the complaint's attachments: listed "
            + "as erased with their SHA-256, 410 to download, nothing left in the table")
    void erasure() throws Exception {
        String id = complaint();
        String c = "/api/complaints/" + id;
        String file = expect(upload(DESK, c + "/attachments", "王芳_身份证.jpg", "image/jpeg", JPEG), 201).get("id")
                .asText();
        expect(call(HttpMethod.POST, HEAD, c + "/erasure", Map.of("reason", "客户要求")), 200);

        JsonNode listed = expect(call(HttpMethod.GET, DESK, c + "/attachments", null), 200).get(0);
        assertThat(listed.get("erased").asBoolean()).isTrue();
        assertThat(listed.hasNonNull("fileName")).isFalse();
        assertThat(listed.get("sha256").asText()).isEqualTo(sha256(JPEG));
        assertThat(listed.get("erasedAt").asText()).isNotBlank();
        ResponseEntity<JsonNode> gone = call(HttpMethod.GET, DESK, c + "/attachments/" + file, null);
        assertThat(expect(gone, 410).get("detail").asText()).contains(sha256(JPEG));
        assertThat(jdbc.queryForObject("select count(*) from attachment where owner_id = ? and (data is not null "
                + "or file_name is not null)", Long.class, id)).isZero();
        assertThat(call(HttpMethod.GET, AUDITOR, c + "/form", null).getBody().toString()).doesNotContain("身份证");
        // the case goes on: a new file may come after the erasure, and is kept
        expect(upload(DESK, c + "/attachments", "新.png", "image/png", PNG), 201);
        assertThat(expect(call(HttpMethod.GET, DESK, c + "/attachments", null), 200)).hasSize(2);
    }

    @Test
    @DisplayName("C12 C16 S3 an enquiry takes attachments as a complaint does: by content, listed, downloaded, read by "
            + "the enquiry's readers, never under a complaint's path, refused once archived, erased with its customer")
    void enquiries() throws Exception {
        String id = expect(call(HttpMethod.POST, DESK, "/api/enquiries", Map.of("channel", "LETTER",
                "stage", "AFTER_SALE", "customerName", "李明", "customerPhone", "13900001111",
                "question", "保修? / Гарантия?")), 201).get("id").asText();
        String e = "/api/enquiries/" + id;
        JsonNode added = expect(upload(DESK, e + "/attachments", "保修卡.pdf", "application/pdf", PDF), 201);
        assertThat(added.get("sha256").asText()).isEqualTo(sha256(PDF));
        String file = added.get("id").asText();
        expect(upload(DESK, e + "/attachments", "x.png", "image/png", "text".getBytes(StandardCharsets.UTF_8)), 415);

        assertThat(expect(call(HttpMethod.GET, AUDITOR, e + "/attachments", null), 200).get(0).get("fileName")
                .asText()).isEqualTo("保修卡.pdf");
        assertThat(download(SUPERVISOR, e + "/attachments/" + file).getBody()).isEqualTo(PDF);
        expect(call(HttpMethod.GET, SECURITY, e + "/attachments", null), 403);
        expect(upload(AUDITOR, e + "/attachments", "x.pdf", "application/pdf", PDF), 403);
        // an enquiry is no complaint, and a complaint no enquiry
        expect(call(HttpMethod.GET, DESK, "/api/complaints/" + id + "/attachments", null), 404);
        assertThat(download(DESK, "/api/complaints/" + id + "/attachments/" + file).getStatusCode().value())
                .isEqualTo(404);
        expect(call(HttpMethod.GET, DESK, "/api/enquiries/" + complaint() + "/attachments", null), 404);

        JsonNode history = expect(call(HttpMethod.GET, DESK, e + "/history", null), 200);
        assertThat(history.get(history.size() - 1).get("type").asText()).isEqualTo("EnquiryAttachmentAdded");

        expect(call(HttpMethod.POST, DESK, e + "/answer", Map.of("answer", "一年 / год")), 200);
        expect(call(HttpMethod.POST, DESK, e + "/archive", null), 200);
        JsonNode refused = expect(upload(DESK, e + "/attachments", "late.pdf", "application/pdf", PDF), 409);
        assertThat(refused.get("rule").asText()).isEqualTo("enquiry-archived");

        expect(call(HttpMethod.POST, HEAD, e + "/erasure", Map.of("reason", "客户要求")), 200);
        JsonNode erased = expect(call(HttpMethod.GET, DESK, e + "/attachments", null), 200).get(0);
        assertThat(erased.get("erased").asBoolean()).isTrue();
        assertThat(erased.get("sha256").asText()).isEqualTo(sha256(PDF));
        expect(call(HttpMethod.GET, DESK, e + "/attachments/" + file, null), 410);
    }
}
