package com.kefu.broadcast.web;

import com.kefu.broadcast.command.ScriptLanguages;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The text is Chinese (B2): some Han characters and no Cyrillic letters.
 * A blank text passes: {@code @NotBlank} reports that.
 */
@Documented
@Constraint(validatedBy = ChineseText.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ChineseText {

    String message() default "must be Chinese text (Han characters)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ChineseText, String> {

        @Override
        public boolean isValid(String text, ConstraintValidatorContext context) {
            if (text == null || text.isBlank() || ScriptLanguages.isChinese(text)) {
                return true;
            }
            if (ScriptLanguages.hasHan(text)) {
                // the broadcaster wrote Chinese but mixed Russian in: say so, not just "not Chinese"
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(
                        "must be Chinese text only: it contains Cyrillic letters, which belong in textRu")
                       .addConstraintViolation();
            }
            return false;
        }
    }
}
