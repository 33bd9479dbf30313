package com.kefu.platform.search;

import com.kefu.platform.privacy.Masking;
import com.kefu.platform.query.Page;
import com.kefu.platform.rules.InvalidRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The service's search index (issue 19, {@code GET /api/search}): a row per record searched in {@code search_entry}
 * (what identifies it, its text normalised and the grams of its words, {@link SearchText}) and, in
 * {@code search_hash}, the keyed hashes (HMAC-SHA256 with {@code kefu.search.secret}) of the person's phone number and
 * full name: personal data is encrypted in the event store (S1), so it is never kept in clear here either; a phone or
 * a full name is found by the hash of what is asked. Erasing the person's data (S3) deletes their hashes, and their
 * record is no longer found by them.
 * <p>
 * Kept by the service's own projections, in their transaction (a subscribing processor's, where the service keeps its
 * view so: a record is found right after the command's answer), and reset with them for a replay; every write is
 * idempotent, as theirs are. What changes as a record moves through its workflow (its status, its department) is not
 * kept here a second time: the search reads it from the service's views through its view {@code search_state}
 * ({@code id, status, department}), so a workflow step costs the index nothing (a row of {@code search_entry} is
 * written when its record is registered, and after that only when what it is found by changes).
 */
public class SearchIndex {

    /** The personal data a record is found by. */
    public enum Field { PHONE, NAME }

    /**
     * A record as it is searched: {@code texts} are what its text search covers (number, subject, description, shop…;
     * never personal data; one that is null is left out), the person only masked.
     */
    public record Entry(String kind, String id, String number, String title, String maskedName, String maskedPhone,
                        Instant at, List<String> texts) {
    }

    /**
     * What is asked: the kinds searched (those the caller may read), the query as typed, and the optional filters
     * ({@code null}: any). A DEPARTMENT user's department is always its own (S4).
     */
    public record Query(List<String> kinds, String text, String status, String department) {
    }

    private static final RowMapper<SearchHit> HIT = (rs, row) -> new SearchHit(rs.getString("kind"),
            rs.getString("id"), rs.getString("number"), rs.getString("title"), rs.getString("masked_name"),
            rs.getString("masked_phone"), rs.getString("department"), rs.getString("status"),
            rs.getTimestamp("sort_at").toInstant());

    private final JdbcTemplate jdbc;
    private final SecretKeySpec secret;

    public SearchIndex(JdbcTemplate jdbc, String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalStateException("kefu.search.secret must be at least 16 characters");
        }
        this.jdbc = jdbc;
        this.secret = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /**
     * The kind asked for, when it is one of those this service searches ({@code kind} names it otherwise), and the
     * query, when it has a letter or a digit ({@code q}).
     */
    public static String checkedKind(String kind, Set<String> served) {
        if (kind == null || !served.contains(kind)) {
            throw new InvalidRequest("kind: is one of " + String.join(", ", served)
                    + (kind == null ? "" : "; not " + kind));
        }
        return kind;
    }

    public static String checkedText(String q) {
        if (q == null || q.isBlank()) {
            throw new InvalidRequest("q: what to search for is missing");
        }
        if (q.chars().anyMatch(c -> Character.isISOControl(c) && !Character.isWhitespace(c))) {
            throw new InvalidRequest("q: holds a control character");
        }
        if (q.length() > 200) {
            throw new InvalidRequest("q: at most 200 characters");
        }
        if (!SearchText.hasWord(q)) {
            throw new InvalidRequest("q: holds no letter or digit to search for");
        }
        return q;
    }

    /** Adds a record (again: nothing changes). */
    public void put(Entry entry) {
        put(entry, null, null);
    }

    /**
     * Adds a record and the keyed hashes of the full name and phone of the person it is registered with (either may
     * be null: not given), in one statement: on the intake's path, and once per registration in a rebuild.
     */
    public void put(Entry entry, String clearName, String clearPhone) {
        String text = text(entry.texts());
        List<Object> args = new ArrayList<>(Arrays.asList(entry.id(), entry.kind(), entry.number(), entry.title(),
                entry.maskedName(), entry.maskedPhone(), Timestamp.from(entry.at()), text,
                String.join(" ", SearchText.grams(text))));
        String insert = """
                insert into search_entry (id, kind, number, title, masked_name, masked_phone, sort_at, text, grams)
                values (?, ?, ?, ?, ?, ?, ?, ?, string_to_array(?, ' '))
                on conflict (id) do nothing""";
        List<String> hashes = new ArrayList<>();
        for (Field field : Field.values()) {
            String key = keyOf(field, field == Field.NAME ? clearName : clearPhone);
            if (key != null) {
                hashes.add("(?, ?, ?)");
                args.addAll(List.of(entry.id(), field.name(), hash(field, key)));
            }
        }
        jdbc.update(hashes.isEmpty() ? insert : "with entry as (" + insert + ") insert into search_hash (subject, field, "
                + "hash) values " + String.join(", ", hashes)
                + " on conflict (subject, field) do update set hash = excluded.hash", args.toArray());
    }

    /** The record's number and texts changed (a member's new card): what it is found by is these from now on. */
    public void retext(String id, String number, List<String> texts) {
        String text = text(texts);
        jdbc.update("update search_entry set number = ?, text = ?, grams = string_to_array(?, ' ') where id = ?",
                number, text, String.join(" ", SearchText.grams(text)), id);
    }

    public void title(String id, String title) {
        jdbc.update("update search_entry set title = ? where id = ?", title, id);
    }

    /** The person as the record shows them now, masked (a member's new name or phone). */
    public void person(String id, String maskedName, String maskedPhone) {
        jdbc.update("update search_entry set masked_name = coalesce(?, masked_name), "
                + "masked_phone = coalesce(?, masked_phone) where id = ?", maskedName, maskedPhone, id);
    }

    /**
     * The keyed hash the subject's record is found by, for the clear value the event carries; a value the record no
     * longer has (erased, cleared) removes it.
     */
    public void remember(String subject, Field field, String clear) {
        String key = keyOf(field, clear);
        if (key == null) {
            jdbc.update("delete from search_hash where subject = ? and field = ?", subject, field.name());
            return;
        }
        jdbc.update("""
                insert into search_hash (subject, field, hash) values (?, ?, ?)
                on conflict (subject, field) do update set hash = excluded.hash""",
                subject, field.name(), hash(field, key));
    }

    private static String keyOf(Field field, String clear) {
        return clear == null || Masking.ERASED.equals(clear) ? null
                : field == Field.PHONE ? SearchText.phoneKey(clear) : SearchText.nameKey(clear);
    }

    /** The subject's personal data was erased (S3): their record is no longer found by it, nor shows it. */
    public void erase(String subject) {
        jdbc.update("delete from search_hash where subject = ?", subject);
        jdbc.update("update search_entry set masked_name = case when masked_name is null then null else ? end, "
                + "masked_phone = null where id = ?", Masking.ERASED, subject);
    }

    /** Forgets every record of the kind, for a replay that builds them again. */
    public void reset(String kind) {
        jdbc.update("delete from search_hash where subject in (select id from search_entry where kind = ?)", kind);
        jdbc.update("delete from search_entry where kind = ?", kind);
    }

    /**
     * A page of the records of the kinds asked whose text holds every term of the query (the grams' GIN index finds
     * the candidates, the terms are checked in them), or whose person's phone or full name is the query; newest first.
     */
    public Page<SearchHit> search(Query query, int page, int size) {
        Statement statement = statement(query);
        Long total = jdbc.queryForObject(statement.sql().formatted("count(*)"), Long.class, statement.args().toArray());
        List<SearchHit> items = jdbc.query(statement.page(), HIT, statement.pageArgs(page, size));
        return new Page<>(items, page, size, total == null ? 0 : total);
    }

    /**
     * How PostgreSQL runs a page of the search ({@code EXPLAIN ANALYZE}, one line a row): for checking that the grams'
     * index finds the candidates (SearchIndexPlanTest, README "Search").
     */
    public List<String> plan(Query query, int page, int size) {
        Statement statement = statement(query);
        return jdbc.queryForList("explain (analyze) " + statement.page(), String.class,
                statement.pageArgs(page, size));
    }

    /** The search's SQL, its select list left to fill in ({@code %s}), and its arguments. */
    private record Statement(String sql, List<Object> args) {

        String page() {
            return sql.formatted("e.*, s.status, s.department") + " order by e.sort_at desc, e.id limit ? offset ?";
        }

        Object[] pageArgs(int page, int size) {
            List<Object> pageArgs = new ArrayList<>(args);
            pageArgs.add(size);
            pageArgs.add((long) page * size);
            return pageArgs.toArray();
        }
    }

    private Statement statement(Query query) {
        List<String> terms = SearchText.terms(query.text());
        Set<String> grams = new LinkedHashSet<>();
        terms.forEach(term -> grams.addAll(SearchText.queryGrams(term)));
        String phone = query.text().codePoints().anyMatch(Character::isLetter) ? null
                : SearchText.phoneKey(query.text());
        String name = SearchText.nameKey(query.text());

        List<Object> args = new ArrayList<>();
        StringBuilder hits = new StringBuilder("""
                select id from search_entry
                where kind = any(string_to_array(?, ',')) and grams @> string_to_array(?, ' ')""");
        args.add(String.join(",", query.kinds()));
        args.add(String.join(" ", grams));
        for (String term : terms) {
            hits.append(" and strpos(text, ?) > 0");
            args.add(term);
        }
        hits.append(" union select subject from search_hash where hash = ? or hash = ?");
        // no hash is empty: a query that is no phone number or no name asks for one that matches nothing
        args.add(phone == null ? new byte[0] : hash(Field.PHONE, phone));
        args.add(name == null ? new byte[0] : hash(Field.NAME, name));

        StringBuilder where = new StringBuilder(" where e.kind = any(string_to_array(?, ','))");
        args.add(String.join(",", query.kinds()));
        if (query.status() != null) {
            where.append(" and s.status = ?");
            args.add(query.status());
        }
        if (query.department() != null) {
            where.append(" and s.department = ?");
            args.add(query.department());
        }
        // the status and the department as the service's views hold them now (a record without a view: neither)
        return new Statement("with hits as (" + hits + ") select %s from search_entry e join hits h on h.id = e.id"
                + " left join search_state s on s.id = e.id" + where, args);
    }

    /** The texts normalised, one a line (a word never runs from one into the next); those that are null left out. */
    private static String text(List<String> texts) {
        return String.join("\n", texts.stream().filter(Objects::nonNull).map(SearchText::normalise).toList());
    }

    private byte[] hash(Field field, String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return mac.doFinal((field.name() + ":" + key).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
