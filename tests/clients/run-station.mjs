// A charging station built on ocpp-rpc (https://github.com/mikuso/ocpp-rpc), an OCPP-J library
// nobody on the Iskra project wrote. Strict mode validates every call it sends and every response
// it receives against the official OCPP JSON schemas: a response Iskra gets wrong rejects the call
// and this script exits 1.
//
//   node run-station.mjs <wsBaseUrl> <stationId> <ocpp1.6|ocpp2.0.1> <password|-> <idTag>
//
// wsBaseUrl is the URL the station id is appended to, e.g. ws://127.0.0.1:5000/ocpp.
// On success prints one JSON line {"ok":true,"transactionId":...,"responses":{label:response}}
// and exits 0; a label is the action, followed by ":" and what tells repeated calls apart
// (e.g. "StatusNotification:1", "TransactionEvent:Started"). On any error: message on stderr, exit 1.

import { RPCClient } from 'ocpp-rpc';

const [endpoint, identity, protocol, password, idTag] = process.argv.slice(2);
if (!endpoint || !identity || !['ocpp1.6', 'ocpp2.0.1'].includes(protocol) || !password || !idTag) {
    console.error('usage: node run-station.mjs <wsBaseUrl> <stationId> <ocpp1.6|ocpp2.0.1> <password|-> <idTag>');
    process.exit(2);
}

const client = new RPCClient({
    endpoint,
    identity,
    protocols: [protocol],
    password: password === '-' ? undefined : password,
    strictMode: true,
    reconnect: false,
    callTimeoutMs: 15000,
});

const failures = [];
client.on('strictValidationFailure', (e) => {
    failures.push(`${e.outbound ? 'outbound' : 'inbound'} ${e.isCall ? 'CALL' : 'CALLRESULT'} ${e.method}: ${e.error?.message}`);
    console.error('strict validation failure:', e.method, e.error?.message, JSON.stringify(e.result ?? e.params));
});
client.on('badMessage', (e) => {
    failures.push(`bad message: ${e.error?.message}`);
    console.error('bad message:', e.error?.message, e.buffer?.toString());
});

const responses = {};

/** Calls an action, keeps its (strictly validated) response under label, and returns it. */
async function call(label, action, params) {
    try {
        const response = await client.call(action, params);
        responses[label] = response;
        return response;
    } catch (error) {
        const details = error.details ? ' ' + JSON.stringify(error.details) : '';
        throw new Error(`${label} (${action}) failed: ${error.rpcErrorCode ?? error.name}: ${error.message}${details}`, { cause: error });
    }
}

// The session happens "now", one second per step, so that no timestamp is late or in the future.
const t0 = Date.now() - 60_000;
const at = (seconds) => new Date(t0 + seconds * 1000).toISOString();

async function run16() {
    const boot = await call('BootNotification', 'BootNotification', {
        chargePointVendor: 'OcppRpcVendor',
        chargePointModel: 'StrictModel-16',
        chargePointSerialNumber: 'CPSN-16',
        chargeBoxSerialNumber: 'CBSN-16',
        firmwareVersion: 'fw-1.6.0',
        iccid: '8931000000000000016',
        imsi: '262010000000016',
        meterType: 'MID-Meter',
        meterSerialNumber: 'MSN-16',
    });
    if (boot.status !== 'Accepted') {
        throw new Error(`BootNotification was answered ${boot.status}`);
    }

    await call('Heartbeat', 'Heartbeat', {});
    await call('StatusNotification:0', 'StatusNotification', { connectorId: 0, errorCode: 'NoError', status: 'Available', timestamp: at(1) });
    await call('StatusNotification:1', 'StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Available', timestamp: at(2) });
    await call('Authorize', 'Authorize', { idTag });
    await call('StatusNotification:Preparing', 'StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Preparing', timestamp: at(3) });
    const start = await call('StartTransaction', 'StartTransaction', { connectorId: 1, idTag, meterStart: 10000, timestamp: at(4) });
    const transactionId = start.transactionId;

    await call('StatusNotification:Charging', 'StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Charging', timestamp: at(5) });
    await call('MeterValues', 'MeterValues', {
        connectorId: 1,
        transactionId,
        meterValue: [{
            timestamp: at(10),
            sampledValue: [
                { value: '10750', context: 'Sample.Periodic', measurand: 'Energy.Active.Import.Register', location: 'Outlet', unit: 'Wh' },
                { value: '7360', context: 'Sample.Periodic', measurand: 'Power.Active.Import', location: 'Outlet', unit: 'W' },
            ],
        }],
    });
    await call('StopTransaction', 'StopTransaction', {
        transactionId,
        idTag,
        meterStop: 12500,
        timestamp: at(20),
        reason: 'EVDisconnected',
        transactionData: [
            { timestamp: at(4), sampledValue: [{ value: '10000', context: 'Transaction.Begin', measurand: 'Energy.Active.Import.Register', unit: 'Wh' }] },
            { timestamp: at(20), sampledValue: [{ value: '12500', context: 'Transaction.End', measurand: 'Energy.Active.Import.Register', unit: 'Wh' }] },
        ],
    });
    await call('StatusNotification:Finishing', 'StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Finishing', timestamp: at(21) });
    await call('DataTransfer', 'DataTransfer', { vendorId: 'org.ocpp-rpc.test', messageId: 'Hello', data: 'strict' });
    await call('FirmwareStatusNotification', 'FirmwareStatusNotification', { status: 'Downloaded' });
    await call('DiagnosticsStatusNotification', 'DiagnosticsStatusNotification', { status: 'Uploaded' });
    await call('SecurityEventNotification', 'SecurityEventNotification', { type: 'SettingSystemTime', timestamp: at(22), techInfo: 'ntp' });
    return transactionId;
}

async function run201() {
    const boot = await call('BootNotification', 'BootNotification', {
        reason: 'PowerUp',
        chargingStation: {
            model: 'StrictModel-201',
            vendorName: 'OcppRpcVendor',
            serialNumber: 'CSSN-201',
            firmwareVersion: 'fw-2.0.1',
            modem: { iccid: '8931000000000000201', imsi: '262010000000201' },
        },
    });
    if (boot.status !== 'Accepted') {
        throw new Error(`BootNotification was answered ${boot.status}`);
    }

    await call('Heartbeat', 'Heartbeat', {});
    await call('StatusNotification', 'StatusNotification', { timestamp: at(1), connectorStatus: 'Available', evseId: 1, connectorId: 1 });
    await call('NotifyEvent', 'NotifyEvent', {
        generatedAt: at(2),
        seqNo: 0,
        tbc: false,
        eventData: [{
            eventId: 1,
            timestamp: at(2),
            trigger: 'Delta',
            actualValue: 'Occupied',
            eventNotificationType: 'HardWiredNotification',
            component: { name: 'Connector', evse: { id: 1, connectorId: 1 } },
            variable: { name: 'AvailabilityState' },
        }],
    });
    const idToken = { idToken: idTag, type: 'ISO14443' };
    await call('Authorize', 'Authorize', { idToken });

    const transactionId = `ocpp-rpc-${identity}`.slice(0, 36);
    await call('TransactionEvent:Started', 'TransactionEvent', {
        eventType: 'Started',
        timestamp: at(4),
        triggerReason: 'Authorized',
        seqNo: 0,
        transactionInfo: { transactionId, chargingState: 'EVConnected' },
        idToken,
        evse: { id: 1, connectorId: 1 },
        meterValue: [{
            timestamp: at(4),
            sampledValue: [{ value: 20000, context: 'Transaction.Begin', measurand: 'Energy.Active.Import.Register', unitOfMeasure: { unit: 'Wh' } }],
        }],
    });
    await call('TransactionEvent:Updated', 'TransactionEvent', {
        eventType: 'Updated',
        timestamp: at(10),
        triggerReason: 'MeterValuePeriodic',
        seqNo: 1,
        transactionInfo: { transactionId, chargingState: 'Charging' },
        meterValue: [{
            timestamp: at(10),
            sampledValue: [
                { value: 20.9, context: 'Sample.Periodic', measurand: 'Energy.Active.Import.Register', unitOfMeasure: { unit: 'kWh' } },
                { value: 11, context: 'Sample.Periodic', measurand: 'Power.Active.Import', unitOfMeasure: { unit: 'W', multiplier: 3 } },
            ],
        }],
    });
    await call('TransactionEvent:Ended', 'TransactionEvent', {
        eventType: 'Ended',
        timestamp: at(20),
        triggerReason: 'EVCommunicationLost',
        seqNo: 2,
        transactionInfo: { transactionId, chargingState: 'Idle', stoppedReason: 'EVDisconnected' },
        evse: { id: 1, connectorId: 1 },
        meterValue: [{
            timestamp: at(20),
            sampledValue: [{ value: 22.5, context: 'Transaction.End', measurand: 'Energy.Active.Import.Register', unitOfMeasure: { unit: 'Wh', multiplier: 3 } }],
        }],
    });
    await call('MeterValues', 'MeterValues', {
        evseId: 1,
        meterValue: [{
            timestamp: at(21),
            sampledValue: [{ value: 231.4, context: 'Sample.Clock', measurand: 'Voltage', phase: 'L1-N', unitOfMeasure: { unit: 'V' } }],
        }],
    });
    await call('NotifyReport', 'NotifyReport', {
        requestId: 4201,
        generatedAt: at(22),
        seqNo: 0,
        tbc: false,
        reportData: [{
            component: { name: 'ChargingStation' },
            variable: { name: 'Model' },
            variableAttribute: [{ type: 'Actual', value: 'StrictModel-201', mutability: 'ReadOnly' }],
            variableCharacteristics: { dataType: 'string', supportsMonitoring: false },
        }, {
            component: { name: 'EVSE', evse: { id: 1 } },
            variable: { name: 'Power' },
            variableAttribute: [{ type: 'MaxSet', value: '22000', mutability: 'ReadOnly' }],
            variableCharacteristics: { unit: 'W', dataType: 'decimal', maxLimit: 22000, supportsMonitoring: true },
        }],
    });
    await call('FirmwareStatusNotification', 'FirmwareStatusNotification', { status: 'Downloading', requestId: 4202 });
    await call('LogStatusNotification', 'LogStatusNotification', { status: 'Uploaded', requestId: 4203 });
    await call('SecurityEventNotification', 'SecurityEventNotification', { type: 'SettingSystemTime', timestamp: at(23), techInfo: 'ntp' });
    await call('DataTransfer', 'DataTransfer', { vendorId: 'org.ocpp-rpc.test', messageId: 'Hello', data: { strict: true } });
    return transactionId;
}

let exitCode = 0;
try {
    await client.connect();
    const transactionId = protocol === 'ocpp1.6' ? await run16() : await run201();
    if (failures.length > 0) {
        throw new Error('strict validation failed: ' + failures.join('; '));
    }

    process.stdout.write(JSON.stringify({ ok: true, transactionId, responses }) + '\n');
} catch (error) {
    console.error(error?.stack ?? String(error));
    if (error?.cause?.details) {
        console.error(JSON.stringify(error.cause.details));
    }

    exitCode = 1;
} finally {
    try {
        await client.close({ code: 1000, reason: 'done' });
    } catch (error) {
        console.error('close failed:', error?.message ?? String(error));
    }
}

process.exit(exitCode);
