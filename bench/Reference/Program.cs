using System.Text;

// A small fixed HTML page from a minimal ASP.NET Core app: no logging, no middleware, no database.
// Each portal page's requests per second is compared with this one's, measured in the same run.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
var app = builder.Build();

var page = Encoding.UTF8.GetBytes("""
    <!DOCTYPE html>
    <html lang="en">
    <head><meta charset="utf-8"><title>Reference</title></head>
    <body><main><h1>Reference page</h1><p>A small fixed page: the ceiling every portal page is compared with.</p></main></body>
    </html>
    """);
app.MapGet("/", () => Results.Bytes(page, "text/html; charset=utf-8"));
app.Run();
