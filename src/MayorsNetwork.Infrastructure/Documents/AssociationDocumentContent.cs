using System.Data;
using System.Data.Common;
using MayorsNetwork.Domain.Documents;
using MayorsNetwork.Infrastructure.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace MayorsNetwork.Infrastructure.Documents;

/// <summary>
/// Reads one stored document's content as a stream straight from the database, so that a download never holds the
/// whole file in memory: a data reader with <see cref="CommandBehavior.SequentialAccess"/> over the context's own
/// connection, and <see cref="DbDataReader.GetStream"/>. SQLite streams the BLOB incrementally when the row id is in
/// the result (hence the Id column), Npgsql reads bytea from the wire as it goes, SqlClient varbinary(max) the same.
/// The same code for all three; only the quoting of names comes from the provider.
/// </summary>
public static class AssociationDocumentContent
{
    /// <summary>The content of document <paramref name="id"/>, or null if there is none. Dispose the stream (a FileStreamResult does).</summary>
    public static async Task<Stream?> OpenAsync(PortalDbContext db, int id, CancellationToken cancellationToken)
    {
        var entity = db.Model.FindEntityType(typeof(AssociationDocument))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);

        var connection = db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened) await db.Database.OpenConnectionAsync(cancellationToken);
        DbCommand? command = null;
        DbDataReader? reader = null;
        try
        {
            command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = $"SELECT {Column(nameof(AssociationDocument.Id))}, {Column(nameof(AssociationDocument.Content))} " +
                                  $"FROM {sql.DelimitIdentifier(table.Name, table.Schema)} WHERE {Column(nameof(AssociationDocument.Id))} = @id";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@id";
            parameter.Value = id;
            command.Parameters.Add(parameter);
            reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess | CommandBehavior.SingleRow, cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                await DisposeAsync(db, reader, command, opened);
                return null;
            }

            return new ReaderStream(reader.GetStream(1), () => DisposeAsync(db, reader, command, opened));
        }
        catch
        {
            await DisposeAsync(db, reader, command, opened);
            throw;
        }
    }

    private static async Task DisposeAsync(PortalDbContext db, DbDataReader? reader, DbCommand? command, bool opened)
    {
        if (reader is not null) await reader.DisposeAsync();
        if (command is not null) await command.DisposeAsync();
        if (opened) await db.Database.CloseConnectionAsync();
    }

    /// <summary>The column's stream, which also ends the reader, the command and the connection it opened when disposed.</summary>
    private sealed class ReaderStream(Stream inner, Func<Task> release) : Stream
    {
        private bool _released;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            inner.ReadAsync(buffer, offset, count, cancellationToken);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            inner.ReadAsync(buffer, cancellationToken);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override async ValueTask DisposeAsync()
        {
            if (!_released)
            {
                _released = true;
                await inner.DisposeAsync();
                await release();
            }

            await base.DisposeAsync();
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && !_released)
            {
                _released = true;
                inner.Dispose();
                release().GetAwaiter().GetResult();
            }

            base.Dispose(disposing);
        }
    }
}
