namespace Iskra.Simulator.Cli;

/// <summary>The text of <c>--help</c>.</summary>
internal static class CliUsage
{
    public const string Text = """
        Iskra charging-station simulator: OCPP 1.6-J or 2.0.1 stations against any CSMS.

        usage: dotnet run --project src/Iskra.Simulator -- --url <ws(s)://host:port/path> --id <station id> [options]

          --url URL                 the CSMS's OCPP endpoint without the station id (required)
          --id ID                   the station id (required); with --count, the first of a numbered run
          --version 1.6|2.0.1       the OCPP version (default 1.6)
          --password P              Basic-auth password (security profiles 1 and 2)
          --count N                 run N stations: CP-1 → CP-1..CP-N, CP → CP-1..CP-N (default 1)
          --connectors N            connectors (2.0.1: EVSEs) per station, 1 to 10 (default 2)
          --dc                      DC 50 kW connectors instead of AC 22 kW
          --meter-interval SECONDS  meter values during a transaction every SECONDS (default 60)
          --fault NAME              switch a fault on (repeatable; names: GET /faults, docs/simulator-faults.md)
          --control-port PORT       serve the control API on http://127.0.0.1:PORT/ (docs/simulator.md)
          --control-bind ADDRESS    the control API's address (default 127.0.0.1; only loopback is safe)
          --sessions                run simulated drivers: plug in, card, charge a while, unplug, repeat
          --card IDTAG              a card the drivers present (repeatable; default SIM-CARD-1..3)
          --client-cert FILE.pfx    TLS client certificate (security profile 3)
          --client-cert-password P  its password
          --ca FILE.pem             a CA the CSMS's TLS certificate chains to
          --quiet                   print a summary line per station every 10 s instead of the traffic
          --help                    this text

        Runs until Ctrl+C.
        """;
}
