// 维修单签字 (R-EXE-2): a finger or mouse draws on a <canvas>; the page takes the drawing as a PNG data URL.
const drawn = new WeakMap();

export function attach(canvas) {
  const context = canvas.getContext("2d");
  context.lineWidth = 2.5;
  context.lineCap = "round";
  context.strokeStyle = "#111";
  let drawing = false;
  const point = (e) => {
    const box = canvas.getBoundingClientRect();
    return { x: (e.clientX - box.left) * (canvas.width / box.width), y: (e.clientY - box.top) * (canvas.height / box.height) };
  };
  canvas.style.touchAction = "none";
  canvas.addEventListener("pointerdown", (e) => {
    drawing = true;
    canvas.setPointerCapture(e.pointerId);
    const p = point(e);
    context.beginPath();
    context.moveTo(p.x, p.y);
  });
  canvas.addEventListener("pointermove", (e) => {
    if (!drawing) return;
    const p = point(e);
    context.lineTo(p.x, p.y);
    context.stroke();
    drawn.set(canvas, true);
  });
  const stop = () => { drawing = false; };
  canvas.addEventListener("pointerup", stop);
  canvas.addEventListener("pointercancel", stop);
  canvas.dataset.signature = "ready";
}

export function clear(canvas) {
  canvas.getContext("2d").clearRect(0, 0, canvas.width, canvas.height);
  drawn.delete(canvas);
}

// Null while nothing is drawn, so an empty signature is never stored.
export function toPng(canvas) {
  return drawn.get(canvas) ? canvas.toDataURL("image/png") : null;
}
