package com.kefu.complaint.search;

import com.kefu.platform.search.SearchIndex;
import com.kefu.platform.test.ServiceTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search index's GIN index over the grams finds the candidates of a Chinese and of a Russian query among a few
 * thousand records (README "Search"): PostgreSQL's plan of a page of the search shows a scan of
 * {@code search_entry_grams}, not a scan of the whole table. The records are of a kind of their own, which no other
 * test searches.
 */
class SearchIndexPlanTest extends ServiceTest {

    private static final String KIND = "plan-check";
    private static final int RECORDS = 4_000;
    private static final Logger log = LoggerFactory.getLogger(SearchIndexPlanTest.class);

    @Autowired
    SearchIndex index;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    private static String text(int from, int to, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(ThreadLocalRandom.current().nextInt(from, to + 1));
        }
        return text.toString();
    }

    @Test
    @DisplayName("a Chinese and a Russian search among 4,000 records find their candidates through the grams' GIN index")
    void theGramsIndexFindsTheCandidates() {
        String chinese = "空调不制冷" + text(0x4E00, 0x9FA5, 4);
        String russian = "кондиционер" + text('а', 'я', 5);
        Instant at = Instant.parse("2026-12-01T08:00:00Z");
        transactions.executeWithoutResult(status -> {
            for (int i = 0; i < RECORDS; i++) {
                String description = text(0x4E00, 0x9FA5, 40) + " " + text('а', 'я', 12) + " " + text('а', 'я', 9)
                        + (i == 1_234 ? " " + chinese : "") + (i == 2_345 ? " " + russian : "");
                index.put(new SearchIndex.Entry(KIND, UUID.randomUUID().toString(), "KF-202612-" + i, "plan " + i,
                        null, null, at.plusSeconds(i), List.of(description)));
            }
        });
        // as autovacuum leaves it: the statistics taken and the GIN index's pending list (its fast updates) merged
        jdbc.execute("vacuum analyze search_entry");

        try {
            for (String asked : List.of(chinese, russian.toUpperCase())) {
                SearchIndex.Query query = new SearchIndex.Query(List.of(KIND), asked, null, null);
                assertThat(index.search(query, 0, 20).total()).as(asked).isEqualTo(1);
                String plan = String.join("\n", index.plan(query, 0, 20));
                log.info("the plan of a search for {} among {} records:\n{}", asked, RECORDS, plan);
                assertThat(plan).as(asked).contains("Index Scan on search_entry_grams");
            }
        } finally {
            jdbc.update("delete from search_entry where kind = ?", KIND);
        }
    }
}
