package com.kefu.membership.command;

import com.kefu.membership.api.Tier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The automatic tier rules (M2), as data in {@code tier_benefit}: the points a member must have earned over the
 * membership to reach a tier. A tier without a figure is given by decision only (VIP).
 */
@Component
public class TierRules {

    private final JdbcTemplate jdbc;

    TierRules(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The highest tier that {@code earned} points reach, if any rule applies. */
    public Optional<Tier> tierFor(long earned) {
        return jdbc.queryForList("""
                        select tier from tier_benefit where points_to_reach is not null and points_to_reach <= ?
                        order by rank desc limit 1""", String.class, earned)
                .stream().findFirst().map(Tier::valueOf);
    }

    /** Sets a tier's benefits and the points that reach it ({@code null}: by decision only). */
    public void update(Tier tier, Long pointsToReach, String benefitsZh, String benefitsRu) {
        jdbc.update("update tier_benefit set points_to_reach = ?, benefits_zh = ?, benefits_ru = ? where tier = ?",
                pointsToReach, benefitsZh, benefitsRu, tier.name());
    }
}
