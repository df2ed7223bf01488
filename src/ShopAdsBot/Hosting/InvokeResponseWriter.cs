using System.IO.Pipelines;
using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Newtonsoft.Json;
using ShopAdsBot.Storage;

namespace ShopAdsBot.Hosting;

/// <summary>
/// Writes what the adapter returns for a POST as <see cref="HttpHelper.WriteResponseAsync"/> does (the same status,
/// content type and JSON: the SDK's serializer and settings), but encodes the JSON straight into the response's own
/// buffers: the SDK's version serializes into a MemoryStream that grows, then copies it, which was a sixth of the bytes a
/// redelivered turn allocates (docs/performance.md).
/// </summary>
public static class InvokeResponseWriter
{
    public static async Task WriteAsync(HttpResponse response, InvokeResponse? invokeResponse)
    {
        if (invokeResponse is null)
        {
            response.StatusCode = StatusCodes.Status200OK;
            return;
        }
        response.StatusCode = invokeResponse.Status;
        if (invokeResponse.Body is null)
        {
            return;
        }
        response.ContentType = "application/json";
        using (var json = new JsonTextWriter(new PipeTextWriter(response.BodyWriter)) { ArrayPool = JsonCharPool.Instance }) // disposes (flushes) the text writer
        {
            HttpHelper.BotMessageSerializer.Serialize(json, invokeResponse.Body);
        }
        await response.BodyWriter.FlushAsync();
    }

    /// <summary>
    /// UTF-8 into a <see cref="PipeWriter"/>'s buffers. Only buffers are written here (no flush, so no synchronous I/O);
    /// the caller flushes asynchronously.
    /// </summary>
    private sealed class PipeTextWriter(PipeWriter pipe) : TextWriter
    {
        private readonly Encoder encoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetEncoder();

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => Write(new ReadOnlySpan<char>(in value));

        public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

        public override void Write(string? value) => Write(value.AsSpan());

        public override void Write(ReadOnlySpan<char> chars)
        {
            while (!chars.IsEmpty)
            {
                var span = pipe.GetSpan(Math.Min(chars.Length * 3, 4096));
                encoder.Convert(chars, span, flush: false, out var used, out var written, out _);
                pipe.Advance(written);
                chars = chars[used..];
            }
        }

        public override void Flush()
        {
            var span = pipe.GetSpan(8);
            encoder.Convert(ReadOnlySpan<char>.Empty, span, flush: true, out _, out var written, out _);
            pipe.Advance(written);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) Flush();
            base.Dispose(disposing);
        }
    }
}
