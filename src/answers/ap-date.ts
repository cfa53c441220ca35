// Dates as a wire story writes them: "Nov. 17, 2023", "January 2020", "2011".
const MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];
const FULL_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export function apDate(isoDate: string): string {
  const [year, month, day] = isoDate.split("-").map(Number);
  if (!month) return String(year);
  if (!day) return `${FULL_MONTHS[month - 1]} ${year}`;
  return `${MONTHS[month - 1]} ${day}, ${year}`;
}
