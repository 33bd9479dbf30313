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
 * The text is Russian (B2): some Cyrillic letters and no Han characters.
 * A blank text passes: {@code @NotBlank} reports that.
 */
@Documented
@Constraint(validatedBy = RussianText.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface RussianText {

    String message() default "must be Russian text (Cyrillic letters)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<RussianText, String> {

        @Override
        public boolean isValid(String text, ConstraintValidatorContext context) {
            if (text == null || text.isBlank() || ScriptLanguages.isRussian(text)) {
                return true;
            }
            if (ScriptLanguages.hasCyrillic(text)) {
                // the broadcaster wrote Russian but mixed Chinese in: say so, not just "not Russian"
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(
                        "must be Russian text only: it contains Han characters, which belong in textZh")
                       .addConstraintViolation();
            }
            return false;
        }
    }
}
