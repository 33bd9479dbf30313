package com.kefu.membership.query;

import com.kefu.membership.api.MemberStatus;
import com.kefu.membership.api.ServiceRequestKind;
import com.kefu.membership.api.Tier;
import com.kefu.platform.privacy.Masking;
import com.kefu.platform.rules.NotFound;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads of the member read model: members, their points, gifts and service requests, campaigns, tiers. */
@Component
public class MemberQueries {

    private static final RowMapper<MemberView> VIEW = (rs, row) -> new MemberView(
            rs.getString("id"),
            rs.getString("card_number"),
            Masking.name(rs.getString("name")),
            rs.getString("masked_phone"),
            Tier.valueOf(rs.getString("tier")),
            MemberStatus.valueOf(rs.getString("status")),
            rs.getLong("points"),
            rs.getString("registered_by"),
            rs.getTimestamp("registered_at").toInstant());

    public record PointsEntry(long delta, long balance, String reason, String changedBy, Instant changedAt) {
    }

    public record Gift(String campaignId, String item, int quantity, String handedOutBy, Instant handedOutAt) {
    }

    public record ServiceRequestView(String id, String number, ServiceRequestKind kind, String memberId,
                                     String details, String status, String registeredBy, Instant registeredAt,
                                     String closedBy, Instant closedAt, String note) {
    }

    /** The member's record at the desk (M1, M2, M3, M5). */
    public record MemberRecord(MemberView member, List<PointsEntry> points, List<Gift> gifts,
                               List<ServiceRequestView> serviceRequests) {
    }

    public record CampaignView(String id, String name, String item, int stock, int initialStock, int handedOut,
                               int perMemberLimit, java.time.LocalDate startsOn, java.time.LocalDate endsOn) {
    }

    public record TierView(Tier tier, Long pointsToReach, String benefitsZh, String benefitsRu) {
    }

    private static final RowMapper<ServiceRequestView> REQUEST = (rs, row) -> new ServiceRequestView(
            rs.getString("id"), rs.getString("number"), ServiceRequestKind.valueOf(rs.getString("kind")),
            rs.getString("member_id"), rs.getString("details"), rs.getString("status"),
            rs.getString("registered_by"), rs.getTimestamp("registered_at").toInstant(), rs.getString("closed_by"),
            instant(rs.getTimestamp("closed_at")), rs.getString("note"));

    private static final RowMapper<CampaignView> CAMPAIGN = (rs, row) -> new CampaignView(
            rs.getString("id"), rs.getString("name"), rs.getString("item"), rs.getInt("stock"),
            rs.getInt("initial_stock"), rs.getInt("handed_out"), rs.getInt("per_member_limit"),
            rs.getDate("starts_on").toLocalDate(), rs.getDate("ends_on").toLocalDate());

    private final JdbcTemplate jdbc;

    MemberQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    public Optional<MemberView> find(String id) {
        return jdbc.query("select * from member_view where id = ?", VIEW, id).stream().findFirst();
    }

    public Optional<MemberRecord> record(String id) {
        return find(id).map(member -> new MemberRecord(member,
                jdbc.query("""
                        select * from member_points where member_id = ? order by sequence desc limit 100""",
                        (rs, row) -> new PointsEntry(rs.getLong("delta"), rs.getLong("balance"), rs.getString("reason"),
                                rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant()), id),
                jdbc.query("select * from gift_handout where member_id = ? order by handed_out_at desc, sequence desc",
                        (rs, row) -> new Gift(rs.getString("campaign_id"), rs.getString("item"), rs.getInt("quantity"),
                                rs.getString("handed_out_by"), rs.getTimestamp("handed_out_at").toInstant()), id),
                jdbc.query("select * from service_request_view where member_id = ? order by registered_at desc",
                        REQUEST, id)));
    }

    /**
     * The member whose current card this is. A replaced card finds nobody: the desk is told it was replaced, so
     * a lost card cannot be used by whoever found it.
     */
    public MemberView byCard(String cardNumber) {
        var cards = jdbc.queryForList("select member_id, replaced_at from member_card where card_number = ?",
                cardNumber);
        if (cards.isEmpty()) {
            throw new NotFound("no member has card " + cardNumber);
        }
        if (cards.get(0).get("replaced_at") != null) {
            throw new NotFound("card " + cardNumber + " was replaced on " + cards.get(0).get("replaced_at")
                    + " and no longer identifies a member (M1)");
        }
        return find((String) cards.get(0).get("member_id"))
                .orElseThrow(() -> new NotFound("no member has card " + cardNumber));
    }

    public List<MemberView> list(MemberStatus status, Tier tier, int page, int size) {
        return jdbc.query("""
                select * from member_view where (cast(? as varchar) is null or status = ?)
                    and (cast(? as varchar) is null or tier = ?)
                order by registered_at desc, id limit ? offset ?""", VIEW,
                name(status), name(status), name(tier), name(tier), size, (long) page * size);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    public List<CampaignView> campaigns() {
        return jdbc.query("select * from campaign_view order by starts_on desc, name", CAMPAIGN);
    }

    public Optional<CampaignView> campaign(String id) {
        return jdbc.query("select * from campaign_view where id = ?", CAMPAIGN, id).stream().findFirst();
    }

    public Optional<ServiceRequestView> serviceRequest(String id) {
        return jdbc.query("select * from service_request_view where id = ?", REQUEST, id).stream().findFirst();
    }

    public List<ServiceRequestView> serviceRequests(ServiceRequestKind kind, String status, int page, int size) {
        return jdbc.query("""
                select * from service_request_view where (cast(? as varchar) is null or kind = ?)
                    and (cast(? as varchar) is null or status = ?)
                order by registered_at desc, id limit ? offset ?""", REQUEST,
                name(kind), name(kind), status, status, size, (long) page * size);
    }

    public List<TierView> tiers() {
        return jdbc.query("select * from tier_benefit order by rank", (rs, row) -> new TierView(
                Tier.valueOf(rs.getString("tier")), (Long) rs.getObject("points_to_reach"),
                rs.getString("benefits_zh"), rs.getString("benefits_ru")));
    }
}
