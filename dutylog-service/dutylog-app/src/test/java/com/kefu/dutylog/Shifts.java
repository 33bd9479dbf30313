package com.kefu.dutylog;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Test data: request bodies of the duty log's API. */
public final class Shifts {

    private Shifts() {
    }

    public static Map<String, Object> open(String post) {
        return Map.of("post", post);
    }

    public static Map<String, Object> entry(String category, Instant occurredAt, String description) {
        return Map.of("occurredAt", occurredAt.toString(), "category", category, "description", description,
                "handling", "通知相关部门 / сообщили службам", "outcome", "已处理 / решено");
    }

    /** A handover ready in every respect: prepared, items checked, the incoming person fit. */
    public static Map<String, Object> handover(String incoming) {
        Map<String, Object> body = new HashMap<>();
        body.put("incoming", incoming);
        body.put("incomingFit", true);
        body.put("preparation", Map.of("recordsRead", true, "itemsCounted", true, "equipmentChecked", true));
        body.put("items", List.of(Map.of("name", "对讲机 / рация", "quantity", 3, "checked", true),
                Map.of("name", "寄存物品 (代管) / вещи на хранении", "quantity", 1, "checked", true)));
        body.put("openMatters", List.of(Map.of("subject", "3楼漏水", "cause", "水管老化", "course", "已关阀门",
                "result", "等工程部换管")));
        body.put("instructions", List.of(Map.of("from", "主管 张", "text", "明早检查消防通道")));
        return body;
    }

    /** A handover not prepared, to someone unfit for duty with no substitute. */
    public static Map<String, Object> unreadyHandover(String incoming) {
        Map<String, Object> body = handover(incoming);
        body.put("incomingFit", false);
        body.put("preparation", Map.of("recordsRead", true, "itemsCounted", false, "equipmentChecked", true));
        return body;
    }

    public static Map<String, Object> fire(String shiftId) {
        return Map.of("shiftId", shiftId, "category", "FIRE", "location", "B1 楼梯口", "reporter", "保安 李明",
                "description", "仓库冒烟 / дым на складе", "major", true,
                "fire", Map.of("fireLocation", "B1 仓库", "burning", "纸箱 / картон", "flame", true, "smoke", true,
                        "heading", "去一楼大堂引导疏散"));
    }

    /** A fire reported with no page named (D12): the desk had no shift open, or not at hand. */
    public static Map<String, Object> fire() {
        Map<String, Object> fire = new HashMap<>(fire("x"));
        fire.remove("shiftId");
        return fire;
    }

    /** The steps of a fire's checklist (篇2 T1, D13), in the rulebook's order. */
    public static final List<String> FIRE_STEPS = List.of("SENIOR_ON_DUTY_TOLD", "SECURITY_CONTROL_ROOM_TOLD",
            "FIRE_BRIGADE_CALLED", "EXTINGUISHER_USED", "EVACUATION_GUIDED");

    /** A guest taken ill (篇2 B3, D14): no category named, a matter for management (OTHER). */
    public static Map<String, Object> guestTakenIll(String shiftId) {
        return Map.of("shiftId", shiftId, "kind", "GUEST_ILL", "location", "2楼 扶梯口", "reporter", "保洁 王姐",
                "description", "一位老人晕倒, 已叫120 / пожилой гость потерял сознание, вызвана скорая");
    }

    public static Map<String, Object> waterLeak(String shiftId) {
        return Map.of("shiftId", shiftId, "category", "WATER", "location", "3楼", "reporter", "保洁 王姐",
                "description", "天花板漏水");
    }

    public static Map<String, Object> lostItem(Instant foundAt) {
        return Map.of("description", "黑色钱包 / чёрный кошелёк", "foundBy", "保洁 王姐", "foundAt", foundAt.toString(),
                "foundWhere", "2楼女卫生间", "handedTo", "主管 张", "storedAt", "客服部保险柜 A3");
    }

    /** A parcel delivered for a tenant (D17), described from the outside as the desk sees it. */
    public static Map<String, Object> parcel(String tenant) {
        return Map.of("tenant", tenant, "shop", "A-301", "kind", "PARCEL", "outside", "中通快递 纸箱 约40cm, 寄件人 义乌",
                "deliveredBy", "中通 快递员 李", "storedAt", "前台 寄存柜 2");
    }

    /** Collected for {@code tenant} by {@code collector} against a signature (D17). */
    public static Map<String, Object> collection(String tenant, String collector) {
        return Map.of("tenant", tenant, "collectedBy", collector, "signature", "签名 / подпись, 工牌 A-301-2");
    }

    /** A visitor to an office of the tower, with badge {@code badge} (D18). */
    public static Map<String, Object> visitor(String name, String badge) {
        return Map.of("name", name, "visiting", "写字楼 1205 贸易公司", "badge", badge);
    }

    /** A round of the lobby (D16): the automatic doors OK, lift 2 at fault. */
    public static Map<String, Object> round() {
        return Map.of("area", "一楼大厅 / холл 1 этажа", "items", List.of(
                Map.of("item", "自动门 / автоматические двери", "result", "OK"),
                Map.of("item", "电梯 2 / лифт 2", "result", "FAULT", "note", "门关不上 / не закрываются двери")));
    }

    /** A task from a superior (D19) given to a post, due at {@code dueAt}. */
    public static Map<String, Object> taskToPost(String post, Instant dueAt) {
        return Map.of("text", "检查消防通道 / проверить пожарные выходы", "from", "主管 张", "post", post,
                "dueAt", dueAt.toString());
    }

    /** A task from a superior (D19) given to a person (their user name), due at {@code dueAt}. */
    public static Map<String, Object> taskToPerson(String person, Instant dueAt) {
        return Map.of("text", "给 1205 回电话 / перезвонить в 1205", "from", "经理 王", "person", person,
                "dueAt", dueAt.toString());
    }

    /** The smallest PNG there is: a 1×1 pixel. */
    public static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    /** The first bytes of a JPEG (enough for the magic-byte check). */
    public static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F',
        0};
}
