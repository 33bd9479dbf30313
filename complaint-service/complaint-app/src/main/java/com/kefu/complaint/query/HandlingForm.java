package com.kefu.complaint.query;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The customer service handling form (《客户服务处理表》, C8): the registration and every step taken, under the
 * complaint's number, and the files attached to it (C16). {@code filed} once the complaint is archived; from then on
 * it no longer changes (but for the customer's data, erased on request, S3).
 */
public record HandlingForm(Map<String, String> title, String number, String status, boolean filed,
                           JsonNode complaint, List<Step> steps, List<AttachmentQueries.AttachmentView> attachments) {

    public static final Map<String, String> TITLE = Map.of("zh", "客户服务处理表", "ru", "Карточка обработки обращения",
            "en", "Customer service handling form");

    /** One step of the handling, with its label in Chinese and Russian. */
    public record Step(String type, String labelZh, String labelRu, Instant at, String by, JsonNode details) {
    }

    /** Labels of the steps: Chinese, Russian. */
    static final Map<String, List<String>> LABELS = Map.ofEntries(
            Map.entry("ComplaintReceived", List.of("受理登记", "Обращение принято")),
            Map.entry("ComplaintEscalated", List.of("上报主管", "Передано руководителю")),
            Map.entry("ComplaintAssigned", List.of("通知责任部门", "Передано в ответственный отдел")),
            Map.entry("ComplaintAcknowledged", List.of("部门确认", "Отдел подтвердил получение")),
            Map.entry("ComplaintProgressRecorded", List.of("处理记录", "Ход работы")),
            Map.entry("ComplaintResolved", List.of("处理结果反馈", "Результат работы")),
            Map.entry("ComplaintFollowedUp", List.of("跟踪回访", "Обратный звонок клиенту")),
            Map.entry("ComplaintReopened", List.of("重新处理", "Возвращено в работу")),
            Map.entry("ComplaintRulingRecorded", List.of("部长裁定", "Решение руководителя службы")),
            Map.entry("ComplaintDeadlineMissed", List.of("超过时限", "Срок пропущен")),
            Map.entry("ComplaintAttachmentAdded", List.of("附件", "Вложение")),
            Map.entry("ComplaintArchived", List.of("归档", "Сдано в архив")));
}
