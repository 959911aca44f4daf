using QRCoder;

namespace MayorsNetwork.Web.Infrastructure;

/// <summary>The authenticator set-up link as a QR code, drawn on the server as SVG (no script, no image request).</summary>
public static class AuthenticatorQrCode
{
    public static string Svg(string otpauthUri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(otpauthUri, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4);
    }
}
