package com.kefu.complaint.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.kefu.complaint.query.HandlingForm;
import org.springframework.web.util.HtmlUtils;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Map;

/** The handling form as a printable page, every label in Chinese and Russian (C8). */
final class HandlingFormPage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private HandlingFormPage() {
    }

    static String render(HandlingForm form, ZoneId zone) {
        JsonNode c = form.complaint();
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="zh"><head><meta charset="utf-8"><title>%s %s</title>
                <style>
                  body { font-family: sans-serif; margin: 2em; } table { border-collapse: collapse; width: 100%%; }
                  th, td { border: 1px solid #444; padding: .4em; text-align: left; vertical-align: top; }
                  th { width: 22%%; background: #eee; } .ru { color: #444; font-weight: normal; display: block; }
                  @media print { body { margin: 0; } }
                </style></head><body>
                <h1>%s <span class="ru">%s</span></h1>
                <p>编号 / Номер: <strong>%s</strong> &nbsp; 状态 / Состояние: <strong>%s</strong>%s</p>
                <table>
                """.formatted(e(form.title().get("zh")), e(form.number()), e(form.title().get("zh")),
                e(form.title().get("ru")), e(form.number()), e(form.status()),
                form.filed() ? " &nbsp; 已归档 / В архиве" : ""));
        row(html, "客户", "Клиент", c.path("customer").path("name").asText() + "  "
                + c.path("customer").path("maskedPhone").asText(""));
        row(html, "渠道", "Канал", c.path("channel").asText());
        row(html, "类别", "Категория", c.path("category").asText());
        row(html, "严重程度 / 优先级", "Тяжесть / приоритет",
                c.path("severity").asText() + " / " + c.path("priority").asText());
        if (c.hasNonNull("merchant")) {
            row(html, "商户", "Арендатор", c.path("merchant").path("shopNo").asText() + " "
                    + c.path("merchant").path("name").asText(""));
        }
        row(html, "主题", "Тема", c.path("subject").asText());
        row(html, "内容", "Описание", c.path("description").asText(""));
        html.append("</table>\n<h2>处理经过 <span class=\"ru\">Ход обработки</span></h2>\n<table>\n");
        html.append("<tr><th>时间 / Время</th><th>步骤 / Шаг</th><th>经办人 / Кто</th><th>内容 / Содержание</th></tr>\n");
        for (HandlingForm.Step step : form.steps()) {
            html.append("<tr><td>").append(e(TIME.format(step.at().atZone(zone)))).append("</td><td>")
                .append(e(step.labelZh())).append("<span class=\"ru\">").append(e(step.labelRu()))
                .append("</span></td><td>").append(e(step.by() == null ? "" : step.by())).append("</td><td>")
                .append(details(step)).append("</td></tr>\n");
        }
        return html.append("</table>\n</body></html>\n").toString();
    }

    private static String details(HandlingForm.Step step) {
        if ("ComplaintReceived".equals(step.type())) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> fields = step.details().fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equals("complaintId") || field.getKey().endsWith("At") || field.getKey().endsWith("By")
                    || field.getValue().isNull()) {
                continue;
            }
            text.append(e(field.getKey())).append(": ").append(e(field.getValue().asText())).append("<br>");
        }
        return text.toString();
    }

    private static void row(StringBuilder html, String zh, String ru, String value) {
        html.append("<tr><th>").append(e(zh)).append("<span class=\"ru\">").append(e(ru)).append("</span></th><td>")
            .append(e(value)).append("</td></tr>\n");
    }

    private static String e(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
    }
}
