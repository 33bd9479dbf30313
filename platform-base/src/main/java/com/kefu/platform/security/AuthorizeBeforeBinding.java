package com.kefu.platform.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.expression.method.MethodSecurityExpressionHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Checks an endpoint's {@code @PreAuthorize} rule before Spring reads the request: without it, the method-security
 * check runs only once the arguments are bound and validated, so a role the rule leaves out got 400 (and a list of
 * the fields the call takes) instead of 403, and had its body parsed. The method-security check still runs when
 * the method is called; rules that use the method's arguments ({@code #name}) are left to it alone.
 */
public class AuthorizeBeforeBinding implements HandlerInterceptor {

    private final PreAuthorizeAuthorizationManager rules = new PreAuthorizeAuthorizationManager();

    public AuthorizeBeforeBinding(ApplicationContext context) {
        var defaults = new DefaultMethodSecurityExpressionHandler();
        defaults.setApplicationContext(context);
        rules.setExpressionHandler(context.getBeanProvider(MethodSecurityExpressionHandler.class)
                .getIfAvailable(() -> defaults));
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        // an async or error dispatch carries on a request that was checked when it came in
        if (request.getDispatcherType() != DispatcherType.REQUEST || !(handler instanceof HandlerMethod method)
                || usesArguments(method)) {
            return true;
        }
        var invocation = new SimpleMethodInvocation(method.getBean(), method.getMethod(),
                new Object[method.getMethod().getParameterCount()]);
        AuthorizationResult result = rules.authorize(
                () -> SecurityContextHolder.getContext().getAuthentication(), invocation);
        if (result != null && !result.isGranted()) {
            throw new AuthorizationDeniedException("your role does not allow this", result);
        }
        return true;
    }

    private static boolean usesArguments(HandlerMethod method) {
        PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), PreAuthorize.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), PreAuthorize.class);
        }
        return rule != null && rule.value().contains("#");
    }
}
