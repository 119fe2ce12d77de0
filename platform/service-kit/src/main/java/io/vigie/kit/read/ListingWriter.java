package io.vigie.kit.read;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/** Writes a {@link Listing}: rendered items as they came from PostgreSQL, typed ones by Jackson. */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public class ListingWriter implements MessageBodyWriter<Listing<?>> {

  private final ObjectMapper json;

  public ListingWriter(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public boolean isWriteable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return Listing.class.isAssignableFrom(type);
  }

  @Override
  public void writeTo(
      Listing<?> listing,
      Class<?> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, Object> headers,
      OutputStream out)
      throws IOException, WebApplicationException {
    if (listing.renderedItems() == null) {
      json.writeValue(out, listing);
      return;
    }
    StringBuilder tail = new StringBuilder(80).append(",\"next\":");
    if (listing.getNext() == null) {
      tail.append("null");
    } else {
      // a cursor is base64url: nothing to escape
      tail.append('"').append(listing.getNext()).append('"');
    }
    if (listing.getTotal() != null) {
      tail.append(",\"total\":").append(listing.getTotal());
    }
    tail.append('}');
    out.write("{\"items\":".getBytes(StandardCharsets.UTF_8));
    out.write(listing.renderedItems().getBytes(StandardCharsets.UTF_8));
    out.write(tail.toString().getBytes(StandardCharsets.UTF_8));
  }
}
