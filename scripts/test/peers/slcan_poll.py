#!/usr/bin/env python3
"""Independent CAN peer: python-can (Debian's python3-can) polls a Pylontech HV BMS over an
SLCAN adapter, here one end of a socat pty pair with the project's simulator on the other end.

Sends the 0x4200 ensemble request (byte0 = 0) as an extended frame, collects every reply for a
window, and prints one JSON object per line: {"id": <int>, "extended": bool, "data": "<hex>"}.
Optionally decodes each frame with a DBC through canmatrix (Debian's python3-canmatrix) and adds
"signals": {name: physical value}.

Usage: slcan_poll.py <serial device> [--dbc FILE] [--window SECONDS] [--polls N]
Nothing here is shared with the project's TypeScript codecs: that is the point of the check.
"""
import argparse
import json
import sys
import time

import can


def le16(data, at):
    return data[at] | (data[at + 1] << 8)


def decode_by_reference(msg):
    """Our own reading of protocol reference §1.4 (LE, −3000 A and −100 °C offsets), written
    in Python without looking at the TypeScript codecs; integer units as in PackSample."""
    d = bytes(msg.data)
    base = msg.arbitration_id & ~0xF
    if base == 0x4210:
        return {"packVoltageDv": le16(d, 0), "packCurrentDa": le16(d, 2) - 30000,
                "bmsTempDc": le16(d, 4) - 1000, "socPct": d[6], "sohPct": d[7]}
    if base == 0x4230:
        return {"cellMaxMv": le16(d, 0), "cellMinMv": le16(d, 2), "cellMaxNo": le16(d, 4), "cellMinNo": le16(d, 6)}
    if base == 0x4240:
        return {"cellTempMaxDc": le16(d, 0) - 1000, "cellTempMinDc": le16(d, 2) - 1000,
                "cellTempMaxNo": le16(d, 4), "cellTempMinNo": le16(d, 6)}
    return None


def load_dbc(path):
    import canmatrix.formats

    return canmatrix.formats.loadp_flat(path)


def decode(matrix, msg):
    import canmatrix

    frame = matrix.frame_by_id(canmatrix.ArbitrationId(msg.arbitration_id, extended=msg.is_extended_id))
    if frame is None:
        # Replies carry the BMS address in the low nibble; the DBC describes address 0.
        base = msg.arbitration_id & ~0xF
        frame = matrix.frame_by_id(canmatrix.ArbitrationId(base, extended=msg.is_extended_id))
    if frame is None:
        return None
    return {name: float(sig.phys_value) for name, sig in frame.decode(bytes(msg.data)).items()}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("device")
    ap.add_argument("--dbc")
    ap.add_argument("--window", type=float, default=0.8)
    ap.add_argument("--polls", type=int, default=1)
    args = ap.parse_args()
    matrix = load_dbc(args.dbc) if args.dbc else None
    bus = can.Bus(interface="slcan", channel=args.device, bitrate=500000)
    try:
        for _ in range(args.polls):
            bus.send(can.Message(arbitration_id=0x4200, is_extended_id=True, data=[0] * 8))
            deadline = time.monotonic() + args.window
            while time.monotonic() < deadline:
                msg = bus.recv(timeout=max(0.0, deadline - time.monotonic()))
                if msg is None:
                    continue
                line = {
                    "id": msg.arbitration_id,
                    "extended": msg.is_extended_id,
                    "data": bytes(msg.data).hex(),
                    "reference": decode_by_reference(msg),
                }
                if matrix is not None:
                    line["signals"] = decode(matrix, msg)
                print(json.dumps(line), flush=True)
    finally:
        bus.shutdown()


if __name__ == "__main__":
    sys.exit(main())
