import { h } from "preact";
import htm from "htm";

/** Preact's h() bound to tagged templates, so components need no JSX compiler. */
export const html = htm.bind(h);
