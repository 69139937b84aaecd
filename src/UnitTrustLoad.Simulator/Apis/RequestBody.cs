using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.HttpResults;
using UnitTrustLoad.Simulator.Apis.Validation;

namespace UnitTrustLoad.Simulator.Apis;

/// <summary>
/// Reads a JSON body with the source-generated context. Bad input becomes a 400/413/415 problem
/// naming the field and the fix, never an exception that escapes as a 500.
/// </summary>
internal static class RequestBody
{
    private const string ConversionFailure = "The JSON value could not be converted";

    public static async ValueTask<BodyResult<T>> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return new BodyResult<T>(null, null, Problems.NotJson());
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync(request.Body, typeInfo, cancellationToken);
            if (value is null)
            {
                return Invalid<T>("body", "The body is JSON null; send a JSON object with the documented fields.");
            }

            return new BodyResult<T>(value, null, null);
        }
        catch (JsonException ex)
        {
            var field = FieldName(ex.Path);
            var message = ex.Message.StartsWith(ConversionFailure, StringComparison.Ordinal)
                ? $"'{field}' has the wrong JSON type; send it as {ExpectedType(field)}."
                : $"The body is not valid JSON near '{field}' (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}); fix the JSON syntax.";
            return Invalid<T>(field, message);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new BodyResult<T>(null, null, Problems.BodyTooLarge(request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize));
        }
        catch (BadHttpRequestException ex)
        {
            return new BodyResult<T>(null, null, Problems.BadRequestBody(ex.Message));
        }
    }

    private static BodyResult<T> Invalid<T>(string field, string message)
        where T : class
    {
        var errors = new FieldErrors();
        errors.Add(field, message);
        return new BodyResult<T>(null, errors.ToProblem(), null);
    }

    private static string FieldName(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "body";
        }

        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
    }

    private static string ExpectedType(string field) => field switch
    {
        "IDNumber" or "PurchaseValue" or "SaleValue" => "a JSON number",
        "BankAccount" => "a JSON object",
        _ => "a JSON string",
    };
}
