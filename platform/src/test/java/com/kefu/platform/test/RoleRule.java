package com.kefu.platform.test;

import com.kefu.platform.security.Roles;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code @PreAuthorize} expression as the set of roles (of REQUIREMENTS.md) it lets in: {@code hasRole},
 * {@code hasAnyRole}, {@code hasAuthority('ROLE_…')}, {@code isAuthenticated()}, {@code permitAll()},
 * {@code denyAll()}, joined by {@code and}/{@code or}/{@code not} and parentheses. Anything else, and any role that
 * is not one of REQUIREMENTS.md's, is refused: a rule the matrix cannot read is a rule nobody checked.
 */
public final class RoleRule {

    /** The roles of REQUIREMENTS.md ("Roles"), in its order. */
    public static final List<String> ROLES = List.of(Roles.FRONT_DESK, Roles.AFTER_SALES, Roles.CS_HEAD,
            Roles.SUPERVISOR, Roles.CS_MANAGER, Roles.DEPARTMENT, Roles.BROADCASTER, Roles.AUDITOR, Roles.ADMIN);

    private static final Pattern TOKEN =
            Pattern.compile("\\s*(\\(|\\)|,|'[^']*'|\"[^\"]*\"|&&|\\|\\||!|[A-Za-z_][A-Za-z0-9_]*)");

    private final List<String> tokens;
    private final String expression;
    private int next;

    private RoleRule(String expression) {
        this.expression = expression;
        this.tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(expression);
        int at = 0;
        while (at < expression.length()) {
            if (!matcher.find(at) || matcher.start() != at) {
                if (expression.substring(at).isBlank()) {
                    break;
                }
                throw unreadable("at '" + expression.substring(at) + "'");
            }
            tokens.add(matcher.group(1));
            at = matcher.end();
        }
    }

    /** The roles the expression lets in, in the order of REQUIREMENTS.md. */
    public static Set<String> allowed(String expression) {
        RoleRule rule = new RoleRule(expression);
        Set<String> roles = rule.or();
        if (rule.next != rule.tokens.size()) {
            throw rule.unreadable("after '" + String.join(" ", rule.tokens.subList(0, rule.next)) + "'");
        }
        return ordered(roles);
    }

    static Set<String> ordered(Set<String> roles) {
        Set<String> inOrder = new LinkedHashSet<>();
        ROLES.stream().filter(roles::contains).forEach(inOrder::add);
        return inOrder;
    }

    private Set<String> or() {
        Set<String> roles = new TreeSet<>(and());
        while (peek("or") || peek("||")) {
            next++;
            roles.addAll(and());
        }
        return roles;
    }

    private Set<String> and() {
        Set<String> roles = new TreeSet<>(not());
        while (peek("and") || peek("&&")) {
            next++;
            roles.retainAll(not());
        }
        return roles;
    }

    private Set<String> not() {
        if (peek("not") || peek("!")) {
            next++;
            Set<String> all = new TreeSet<>(ROLES);
            all.removeAll(not());
            return all;
        }
        if (peek("(")) {
            next++;
            Set<String> inner = or();
            expect(")");
            return inner;
        }
        return call();
    }

    private Set<String> call() {
        String function = take();
        expect("(");
        List<String> arguments = new ArrayList<>();
        while (!peek(")")) {
            String argument = take();
            if (!(argument.startsWith("'") || argument.startsWith("\""))) {
                throw unreadable("argument " + argument + " of " + function + " is not a literal");
            }
            arguments.add(argument.substring(1, argument.length() - 1));
            if (peek(",")) {
                next++;
            }
        }
        expect(")");
        return switch (function) {
            case "hasRole", "hasAnyRole" -> roles(arguments, false);
            case "hasAuthority", "hasAnyAuthority" -> roles(arguments, true);
            case "isAuthenticated", "isFullyAuthenticated", "permitAll" -> new TreeSet<>(ROLES);
            case "denyAll", "isAnonymous" -> new TreeSet<>();
            default -> throw unreadable("function " + function + "()");
        };
    }

    private Set<String> roles(List<String> names, boolean authorities) {
        Set<String> roles = new TreeSet<>();
        for (String name : names) {
            String role = authorities ? (name.startsWith("ROLE_") ? name.substring(5) : null)
                    : (name.startsWith("ROLE_") ? name.substring(5) : name);
            if (role == null || !ROLES.contains(role)) {
                throw unreadable("'" + name + "' is not a role of REQUIREMENTS.md");
            }
            roles.add(role);
        }
        return roles;
    }

    private boolean peek(String token) {
        return next < tokens.size() && tokens.get(next).equals(token);
    }

    private String take() {
        if (next >= tokens.size()) {
            throw unreadable("it ends too soon");
        }
        return tokens.get(next++);
    }

    private void expect(String token) {
        if (!token.equals(take())) {
            throw unreadable("'" + token + "' expected");
        }
    }

    private IllegalArgumentException unreadable(String where) {
        return new IllegalArgumentException("cannot read the role rule \"" + expression + "\": " + where);
    }
}
