package io.vigie.console.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vigie.console.Languages;
import io.vigie.console.PageNotFoundException;
import io.vigie.console.ServiceRejectedException;
import io.vigie.console.ServiceUnavailableException;
import io.vigie.console.api.FieldError;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Failures as pages a person can read, never a blank page or a stack trace: not found (a missing or
 * another client's id, a mistyped address), a service that did not answer (named, with what still
 * works), a request the service refused (its reasons, field by field).
 */
public class ErrorPages {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance notFound(String language);

    static native TemplateInstance formExpired(String language);

    static native TemplateInstance unavailable(String language, String service);

    static native TemplateInstance rejected(
        String language,
        String service,
        int status,
        String title,
        String detail,
        List<FieldError> errors);
  }

  @ServerExceptionMapper
  public Response notFound(PageNotFoundException e, HttpHeaders headers) {
    return notFoundPage(headers);
  }

  /** A form posted without this session's anti-forgery token: refused, nothing done. */
  @ServerExceptionMapper
  public Response formExpired(FormTokenException e, HttpHeaders headers) {
    var locale = Languages.of(headers);
    return html(403, Templates.formExpired(locale.getLanguage()).setLocale(locale));
  }

  @ServerExceptionMapper
  public Response unknownPath(NotFoundException e, HttpHeaders headers) {
    return notFoundPage(headers);
  }

  @ServerExceptionMapper
  public Response unavailable(ServiceUnavailableException e, HttpHeaders headers) {
    var locale = Languages.of(headers);
    return html(
        503,
        Templates.unavailable(locale.getLanguage(), e.service().moduleName()).setLocale(locale));
  }

  @ServerExceptionMapper
  public Response rejected(ServiceRejectedException e, HttpHeaders headers) {
    var locale = Languages.of(headers);
    int status = e.status() == 403 ? 403 : e.status() >= 400 && e.status() < 500 ? e.status() : 400;
    return html(
        status,
        Templates.rejected(
                locale.getLanguage(),
                e.service().moduleName(),
                e.status(),
                e.problem().title(),
                e.problem().detail(),
                e.problem().errors() == null ? List.of() : e.problem().errors())
            .setLocale(locale));
  }

  private static Response notFoundPage(HttpHeaders headers) {
    var locale = Languages.of(headers);
    return html(404, Templates.notFound(locale.getLanguage()).setLocale(locale));
  }

  private static Response html(int status, TemplateInstance page) {
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .entity(page.render())
        .build();
  }
}
