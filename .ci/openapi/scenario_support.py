"""What every generated-client scenario needs: read a response header, expect a call to fail,
and read its answer as the service's RFC 9457 Problem (with the generated package's own model)."""


def header(response, name):
    for key, value in (response.headers or {}).items():
        if key.lower() == name.lower():
            return value
    return None


def expect_error(call):
    try:
        call()
    except Exception as error:  # the generated package's ApiException, which carries the answer
        if getattr(error, "status", None) is None:
            raise
        return error
    raise AssertionError("the call should have failed")


def problem(package, error):
    assert error.headers is not None
    media = header(error, "Content-Type")
    assert media == "application/problem+json", media
    return package.Problem.from_json(error.body)


def fields(answer):
    """The fields a 400 Problem names (the generated model calls the property var_field)."""
    return [entry.to_dict()["field"] for entry in answer.errors or []]
