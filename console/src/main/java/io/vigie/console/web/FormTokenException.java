package io.vigie.console.web;

/** A form was posted without this session's anti-forgery token: nothing was done. */
public class FormTokenException extends RuntimeException {

  public FormTokenException() {
    super("the form's anti-forgery token is missing or is not this session's");
  }
}
