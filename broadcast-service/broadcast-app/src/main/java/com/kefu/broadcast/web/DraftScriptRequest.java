package com.kefu.broadcast.web;

import com.kefu.broadcast.command.ScriptDesk.NewScript;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/scripts}: a script is accepted only with both its Chinese and its Russian text (B2). */
public record DraftScriptRequest(
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 60) String programme,
        @NotBlank @Size(max = 4000) @ChineseText String textZh,
        @NotBlank @Size(max = 4000) @RussianText String textRu) {

    NewScript toNewScript() {
        return new NewScript(title, programme, textZh, textRu);
    }
}
