package io.vigie.inventory;

import io.vigie.events.inventory.Certification;
import io.vigie.events.inventory.ServerRole;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;

/** Converters for the inventory's collection columns, stored as PostgreSQL {@code text[]}. */
public final class ArrayColumns {

  private ArrayColumns() {}

  /** A sorted set of enum constants as their names. */
  public abstract static class EnumSetColumn<E extends Enum<E>>
      implements AttributeConverter<TreeSet<E>, String[]> {

    private final Function<String, E> valueOf;

    EnumSetColumn(Function<String, E> valueOf) {
      this.valueOf = valueOf;
    }

    @Override
    public String[] convertToDatabaseColumn(TreeSet<E> values) {
      return values == null ? null : values.stream().map(Enum::name).toArray(String[]::new);
    }

    @Override
    public TreeSet<E> convertToEntityAttribute(String[] names) {
      TreeSet<E> values = new TreeSet<>();
      if (names != null) {
        Arrays.stream(names).map(valueOf).forEach(values::add);
      }
      return values;
    }
  }

  @Converter
  public static class Roles extends EnumSetColumn<ServerRole> {
    public Roles() {
      super(ServerRole::valueOf);
    }
  }

  @Converter
  public static class Certifications extends EnumSetColumn<Certification> {
    public Certifications() {
      super(Certification::valueOf);
    }
  }

  @Converter
  public static class Strings implements AttributeConverter<List<String>, String[]> {

    @Override
    public String[] convertToDatabaseColumn(List<String> values) {
      return values == null ? null : values.toArray(String[]::new);
    }

    @Override
    public List<String> convertToEntityAttribute(String[] values) {
      return values == null ? new ArrayList<>() : new ArrayList<>(Arrays.asList(values));
    }
  }
}
