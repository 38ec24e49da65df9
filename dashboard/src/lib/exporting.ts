/** Saving a plot as SVG or PNG and its data as CSV. */
import { csv } from "./format";

function save(blob: Blob, name: string) {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

/** The plot's SVG as a standalone document (the main chart of a figure with a legend). */
export function svgText(container: Element): string | null {
  const svg = container.querySelector("svg.plot, svg[class*='plot'], svg");
  if (!svg) return null;
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  if (!copy.getAttribute("style")?.includes("background")) copy.setAttribute("style", "background:white");
  return new XMLSerializer().serializeToString(copy);
}

export function saveSvg(container: Element, name: string) {
  const text = svgText(container);
  if (text) save(new Blob([text], { type: "image/svg+xml" }), name + ".svg");
}

export function savePng(container: Element, name: string) {
  const text = svgText(container);
  const svg = container.querySelector("svg");
  if (!text || !svg) return;
  const { width, height } = svg.getBoundingClientRect();
  const image = new Image();
  image.onload = () => {
    const canvas = document.createElement("canvas");
    canvas.width = Math.ceil(width * 2);
    canvas.height = Math.ceil(height * 2);
    const g = canvas.getContext("2d")!;
    g.fillStyle = "white";
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.scale(2, 2);
    g.drawImage(image, 0, 0, width, height);
    canvas.toBlob((blob) => blob && save(blob, name + ".png"), "image/png");
  };
  image.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(text);
}

export function saveCsv(columns: string[], rows: Record<string, unknown>[], name: string) {
  save(new Blob([csv(columns, rows)], { type: "text/csv" }), name + ".csv");
}
